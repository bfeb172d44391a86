// Roadmap compare: initiatives changed / added / removed, totals by quarter and pillar, risk.
import type { RoadmapComparison } from '../../../../shared/documents/compare-roadmap'
import type { InitiativeProjection } from '../../../../shared/documents/roadmap'
import { DEFAULT_CURRENCY } from '../../../../shared/documents/currency'
import { CurrencyChange } from './CurrencyChange'
import { direction, formatMoney, formatValue } from './format'
import { RoadmapTotalsCompare } from './RoadmapTotalsCompare'
import { RowsCompare } from './RowsCompare'

const RISK_LABEL: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High' }

export function RoadmapCompare({ comparison }: { comparison: RoadmapComparison }) {
  const currency = comparison.currency.after ?? comparison.currency.before ?? DEFAULT_CURRENCY
  const { highRisk } = comparison.totals
  const describe = (r: InitiativeProjection) =>
    [
      formatValue('pillar', r.pillar),
      r.startMonth && r.endMonth ? `${r.startMonth} → ${r.endMonth}` : 'Unscheduled',
      formatValue('status', r.status),
      formatMoney((r.oneOffCost ?? 0) + (r.runRateCost ?? 0), currency),
      `${RISK_LABEL[r.risk] ?? r.risk} risk`,
    ].join(' · ')

  return (
    <div className="compare-kind roadmap-compare">
      <CurrencyChange before={comparison.currency.before} after={comparison.currency.after} />
      <section className="compare-section">
        <h3 className="compare-title">Initiatives</h3>
        <RowsCompare
          diff={comparison.initiatives}
          noun={['initiative', 'initiatives']}
          label={(r) => r.title}
          describe={describe}
          currency={currency}
          idAttribute="data-initiative-id"
        />
      </section>

      <section className="compare-section">
        <h3 className="compare-title">Totals</h3>
        <RoadmapTotalsCompare totals={comparison.totals} currency={currency} />
      </section>

      <section className="compare-section">
        <h3 className="compare-title">Risk</h3>
        <p className="risk-summary" data-testid="high-risk-delta">
          Open high-risk initiatives: <strong>{highRisk.before}</strong> → <strong>{highRisk.after}</strong>{' '}
          <span className={`delta delta-${direction(highRisk.delta)}`}>
            {highRisk.delta === 0 ? '±0' : highRisk.delta > 0 ? `+${highRisk.delta}` : `−${Math.abs(highRisk.delta)}`}
          </span>
        </p>
        {comparison.riskChanges.length > 0 ? (
          <ul className="risk-changes">
            {comparison.riskChanges.map((r) => (
              <li key={r.id} data-initiative-id={r.id}>
                <span className="risk-title">{r.title || 'Untitled'}</span>
                <span className={`risk-level risk-${r.before}`}>{RISK_LABEL[r.before] ?? r.before}</span>
                <span className="arrow" aria-hidden="true">→</span><span className="visually-hidden">changed to</span>
                <span className={`risk-level risk-${r.after}`}>{RISK_LABEL[r.after] ?? r.after}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted compare-empty">No risk levels changed.</p>
        )}
      </section>
    </div>
  )
}
