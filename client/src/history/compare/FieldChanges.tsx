import type { FieldChange } from '../../../../shared/documents/compare-rows'
import { fieldLabel, formatValue } from './format'
import { TextDiff } from './TextDiff'

/** Field by field, before → after; rich-text fields as a word diff. */
export function FieldChanges({ changes, currency }: { changes: FieldChange[]; currency?: string }) {
  if (changes.length === 0) return null
  return (
    <dl className="field-changes">
      {changes.map((c) => (
        <div key={c.field} className="field-change" data-field={c.field}>
          <dt>{fieldLabel(c.field)}</dt>
          <dd>
            {c.diff ? (
              <TextDiff ops={c.diff} />
            ) : (
              <>
                <span className="before">{formatValue(c.field, c.before, currency)}</span>
                <span className="arrow" aria-hidden="true">→</span><span className="visually-hidden">changed to</span>
                <span className="after">{formatValue(c.field, c.after, currency)}</span>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}

/** "before → after" for one value, with the after emphasised when it differs. */
export function BeforeAfter({ before, after }: { before: string; after: string }) {
  if (before === after) return <span className="after">{after}</span>
  return (
    <span className="before-after">
      <span className="before">{before}</span>
      <span className="arrow" aria-hidden="true">→</span><span className="visually-hidden">changed to</span>
      <span className="after">{after}</span>
    </span>
  )
}
