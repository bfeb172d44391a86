import type { TextOp } from '../../../../shared/documents/text-diff'

/** A word diff: insertions in <ins>, deletions in <del>, the rest as is (line breaks kept). */
export function TextDiff({ ops, empty = 'No text.' }: { ops: TextOp[]; empty?: string }) {
  if (ops.length === 0) return <p className="muted compare-empty">{empty}</p>
  return (
    <div className="text-diff" data-testid="text-diff">
      {ops.map((op, i) =>
        op.op === 'insert' ? (
          <ins key={i}>{op.text}</ins>
        ) : op.op === 'delete' ? (
          <del key={i}>{op.text}</del>
        ) : (
          <span key={i}>{op.text}</span>
        ),
      )}
    </div>
  )
}
