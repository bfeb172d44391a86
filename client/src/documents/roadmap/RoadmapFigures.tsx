// The roadmap's headline figures (twelve-month window, cut initiatives excluded).
import type { ReactNode } from 'react'
import type { RoadmapTotals } from '../../../../shared/documents/roadmap-totals'
import { formatCapacity } from '../../../../shared/format/numbers'
import { formatMoney } from '../common/format'

interface Props {
  totals: RoadmapTotals
  currency: string
  count: number
  /** Shown as the last figure (the currency setting). */
  children?: ReactNode
}

function Figure({ label, value, text, testId, hint, tone }: { label: string; value: number; text: string; testId: string; hint?: string; tone?: string }) {
  return (
    <div className={`figure ${tone ?? ''}`} title={hint}>
      <span className="figure-label">{label}</span>
      <span className="figure-value" data-testid={testId} data-value={value}>{text}</span>
    </div>
  )
}

export function RoadmapFigures({ totals, currency, count, children }: Props) {
  const { grand } = totals
  return (
    <div className="figures" aria-label="Roadmap totals">
      <Figure label="Total cost" value={grand.totalCost} text={formatMoney(grand.totalCost, currency)} testId="roadmap-total-cost"
        hint="One-off cost plus run-rate, for the months inside the twelve-month window" />
      <Figure label="One-off" value={grand.oneOffCost} text={formatMoney(grand.oneOffCost, currency)} testId="roadmap-total-oneoff" />
      <Figure label="Run-rate (in window)" value={grand.runRateCost} text={formatMoney(grand.runRateCost, currency)} testId="roadmap-total-runrate"
        hint="Annual run-rate counted for the months each initiative runs inside the window" />
      <Figure label="Capacity" value={grand.capacity} text={`${formatCapacity(grand.capacity)} pw`} testId="roadmap-total-capacity" hint="Person-weeks" />
      <Figure label="Open high risk" value={totals.highRisk} text={String(totals.highRisk)} testId="roadmap-high-risk-count"
        tone={totals.highRisk > 0 ? 'figure-alert' : ''} hint="High-risk initiatives not done or cut" />
      <Figure label="Initiatives" value={count} text={totals.unscheduled ? `${count} (${totals.unscheduled} unscheduled)` : String(count)} testId="roadmap-count" />
      {children}
    </div>
  )
}
