import type { NotesComparison } from '../../../../shared/documents/compare'
import { TextDiff } from './TextDiff'

export function NotesCompare({ comparison }: { comparison: NotesComparison }) {
  return (
    <div className="compare-kind">
      <section className="compare-section">
        <h3 className="compare-title">Text {!comparison.body.changed && <span className="count">unchanged</span>}</h3>
        <TextDiff ops={comparison.body.diff} />
      </section>
    </div>
  )
}
