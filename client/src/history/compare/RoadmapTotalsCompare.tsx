// Roadmap totals before → after: cost and capacity by quarter of the window and by pillar.
import { monthLabel } from '../../../../shared/format/dates'
import type { RoadmapComparison } from '../../../../shared/documents/compare-roadmap'
import { PILLAR_LABELS, PILLARS } from '../../../../shared/documents/pillars'
import type { CostTotals } from '../../../../shared/documents/roadmap-totals'
import { DeltaCells } from './DeltaCell'
import { formatMoney, formatNumber } from './format'

interface Line {
  key: string
  label: string
  hint?: string
  before: CostTotals
  after: CostTotals
  delta: CostTotals
}

function monthName(month: string | undefined): string {
  return month ? monthLabel(month) : ''
}

function TotalsTable({ caption, lines, grand, currency }: { caption: string; lines: Line[]; grand: Line; currency: string }) {
  const money = (n: number, signed = false) => formatMoney(n, currency, signed)
  const weeks = (n: number, signed = false) => `${formatNumber(n, signed)} pw`
  const row = (line: Line, className = '') => (
    <tr key={line.key} className={className} data-testid="totals-row" data-key={line.key}>
      <th scope="row">
        {line.label}
        {line.hint && <span className="totals-hint">{line.hint}</span>}
      </th>
      <DeltaCells before={line.before.totalCost} after={line.after.totalCost} delta={line.delta.totalCost} format={money} />
      <DeltaCells before={line.before.capacity} after={line.after.capacity} delta={line.delta.capacity} format={weeks} />
    </tr>
  )
  return (
    <table className="totals-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">Cost</th>
          <th scope="col" className="delta-head">
            <span className="visually-hidden">Cost change</span>
          </th>
          <th scope="col">Capacity</th>
          <th scope="col" className="delta-head">
            <span className="visually-hidden">Capacity change</span>
          </th>
        </tr>
      </thead>
      <tbody>{lines.map((l) => row(l))}</tbody>
      <tfoot>{row(grand, 'grand')}</tfoot>
    </table>
  )
}

export function RoadmapTotalsCompare({ totals, currency }: { totals: RoadmapComparison['totals']; currency: string }) {
  const quarters: Line[] = totals.quarters.map((q) => ({
    key: q.quarter,
    label: q.quarter,
    hint: `${monthName(q.months[0]).split(' ')[0]}–${monthName(q.months[q.months.length - 1])}`,
    before: q.before,
    after: q.after,
    delta: q.delta,
  }))
  const pillars: Line[] = PILLARS.map((p) => ({ key: p, label: PILLAR_LABELS[p], ...totals.pillars[p] })).filter(
    (l) => l.before.count > 0 || l.after.count > 0,
  )
  const grand: Line = { key: 'total', label: 'Total', ...totals.grand }
  return (
    <div className="totals-grid">
      <TotalsTable caption="By quarter" lines={quarters} grand={grand} currency={currency} />
      <TotalsTable caption="By pillar" lines={pillars} grand={grand} currency={currency} />
    </div>
  )
}
