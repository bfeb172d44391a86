import type { SummaryComparison } from '../../../../shared/documents/compare'
import { FieldChanges } from './FieldChanges'
import { TextDiff } from './TextDiff'

export function SummaryCompare({ comparison }: { comparison: SummaryComparison }) {
  return (
    <div className="compare-kind">
      {comparison.fields.length > 0 && (
        <section className="compare-section">
          <h3 className="compare-title">Settings</h3>
          <FieldChanges changes={comparison.fields} />
        </section>
      )}
      <section className="compare-section">
        <h3 className="compare-title">Text {!comparison.body.changed && <span className="count">unchanged</span>}</h3>
        <TextDiff ops={comparison.body.diff} />
      </section>
    </div>
  )
}
