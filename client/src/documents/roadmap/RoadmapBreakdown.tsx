// Cost and capacity by quarter and by pillar, with grand totals (cut initiatives excluded).
import type { CostTotals, RoadmapTotals } from '../../../../shared/documents/roadmap-totals'
import { PILLAR_LABELS, PILLARS } from '../../../../shared/documents/pillars'
import { formatCapacity } from '../../../../shared/format/numbers'
import { fiscalYearNote } from '../../../../shared/format/quarters'
import { formatMoney, monthShort } from '../common/format'

function Figures({ t, currency }: { t: CostTotals; currency: string }) {
  return (
    <>
      <td className="numeric">{formatMoney(t.oneOffCost, currency)}</td>
      <td className="numeric">{formatMoney(t.runRateCost, currency)}</td>
      <td className="numeric strong">{formatMoney(t.totalCost, currency)}</td>
      <td className="numeric">{formatCapacity(t.capacity)}</td>
    </>
  )
}

function Head({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <th>{first}</th>
        <th className="numeric">One-off</th>
        <th className="numeric">Run-rate</th>
        <th className="numeric">Total</th>
        <th className="numeric" title="Person-weeks">Capacity (pw)</th>
      </tr>
    </thead>
  )
}

export function RoadmapBreakdown({ totals, currency, fyStartMonth }: { totals: RoadmapTotals; currency: string; fyStartMonth?: number }) {
  const grand = (
    <tfoot>
      <tr>
        <th scope="row">Total</th>
        <Figures t={totals.grand} currency={currency} />
      </tr>
    </tfoot>
  )
  return (
    <section className="board-section" aria-labelledby="breakdown-title">
      <div className="board-section-head">
        <h2 className="board-section-title" id="breakdown-title">Cost and capacity</h2>
        <span className="muted small-text"><span data-testid="fy-quarters-note">{fiscalYearNote(fyStartMonth)}</span> · twelve-month window · cut initiatives excluded · run-rate counted for the months each initiative runs</span>
      </div>
      <div className="breakdown">
        <table className="figures-table" data-testid="totals-by-quarter">
          <Head first="Quarter" />
          <tbody>
            {totals.quarters.map((q) => (
              <tr key={q.quarter} data-quarter={q.quarter}>
                <th scope="row">{q.quarter} <span className="muted">{q.months.length > 1 ? `${monthShort(q.months[0])}–${monthShort(q.months[q.months.length - 1])}` : monthShort(q.months[0])}</span></th>
                <Figures t={q} currency={currency} />
              </tr>
            ))}
          </tbody>
          {grand}
        </table>
        <table className="figures-table" data-testid="totals-by-pillar">
          <Head first="Pillar" />
          <tbody>
            {PILLARS.map((p) => (
              <tr key={p} data-pillar={p} className={totals.pillars[p].count === 0 ? 'is-empty' : undefined}>
                <th scope="row">{PILLAR_LABELS[p]} <span className="muted">{totals.pillars[p].count || ''}</span></th>
                <Figures t={totals.pillars[p]} currency={currency} />
              </tr>
            ))}
          </tbody>
          {grand}
        </table>
      </div>
    </section>
  )
}
