import type { DecisionsComparison } from '../../../../shared/documents/compare'
import { RowsCompare } from './RowsCompare'

export function DecisionsCompare({ comparison }: { comparison: DecisionsComparison }) {
  return (
    <div className="compare-kind">
      <section className="compare-section">
        <h3 className="compare-title">Decisions</h3>
        <RowsCompare
          diff={comparison.decisions}
          noun={['decision', 'decisions']}
          label={(d) => d.question}
          describe={(d) => [d.status, d.owner || null, d.dueDate ? `due ${d.dueDate}` : null, d.outcome || null].filter(Boolean).join(' · ')}
          idAttribute="data-decision-id"
        />
      </section>
    </div>
  )
}
