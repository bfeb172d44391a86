import type { RisksComparison } from '../../../../shared/documents/compare'
import { formatValue } from './format'
import { RowsCompare } from './RowsCompare'

export function RisksCompare({ comparison }: { comparison: RisksComparison }) {
  return (
    <div className="compare-kind">
      <section className="compare-section">
        <h3 className="compare-title">Risks &amp; incidents</h3>
        <RowsCompare
          diff={comparison.risks}
          noun={['entry', 'entries']}
          label={(r) => r.title}
          describe={(r) =>
            [r.kind, formatValue('pillar', r.pillar), r.status, r.severity && r.likelihood ? `severity ${r.severity} × likelihood ${r.likelihood}` : null, r.owner || null]
              .filter(Boolean)
              .join(' · ')
          }
          idAttribute="data-risk-id"
        />
      </section>
    </div>
  )
}
