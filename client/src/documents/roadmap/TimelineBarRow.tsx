// One initiative's bar on the timeline. Memoised on the bar's own (flat) fields: a change to one
// initiative renders one bar, and its title (date-fns month labels) is built only then.
import { memo } from 'react'
import { formatMoney, monthLabel } from '../common/format'
import { RISK_LABELS, STATUS_LABELS } from './labels'
import type { TimelineBar } from './roadmap-view'

const pct = (n: number) => `${(n / 12) * 100}%`

interface Props extends TimelineBar {
  months: readonly string[]
  currency: string
  windowStart: string
}

function barTitle(bar: Props): string {
  const from = bar.clippedStart ? `before ${monthLabel(bar.windowStart)}` : monthLabel(bar.months[bar.start])
  const to = bar.clippedEnd ? `after ${monthLabel(bar.months[11])}` : monthLabel(bar.months[bar.end])
  return `${bar.title || 'Untitled initiative'} · ${from} – ${to} · ${formatMoney(bar.cost, bar.currency)} in window · ${RISK_LABELS[bar.risk]} risk · ${STATUS_LABELS[bar.status]}`
}

export const TimelineBarRow = memo(function TimelineBarRow(bar: Props) {
  const title = barTitle(bar)
  return (
    <div className="lane-row">
      <div
        className={`timeline-bar risk-${bar.risk} status-${bar.status} ${bar.status === 'cut' ? 'is-cut' : ''} ${bar.clippedStart ? 'clipped-start' : ''} ${bar.clippedEnd ? 'clipped-end' : ''}`}
        style={{ left: pct(bar.start), width: pct(bar.end - bar.start + 1) }}
        data-testid="timeline-bar"
        data-initiative-id={bar.id}
        data-risk={bar.risk}
        data-status={bar.status}
        data-start={bar.start}
        data-end={bar.end}
        data-cost={bar.cost}
        title={title}
        role="img"
        aria-label={title}
      >
        <span className="bar-label">{bar.title || 'Untitled initiative'}</span>
      </div>
    </div>
  )
})
