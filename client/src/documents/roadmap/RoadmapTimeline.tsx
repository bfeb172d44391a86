// The twelve-month timeline: swim lanes by pillar, one bar per initiative coloured by risk,
// cut work hatched, quarter separators and a line for today. Hand-laid CSS grid. For screen readers
// each bar is an image labelled with what its shape and colour say (TimelineBarRow).
import { useMemo, useState } from 'react'
import { monthOffset, quarterMonths, windowMonths } from '../../../../shared/documents/roadmap-window'
import type { Roadmap } from '../../../../shared/documents/roadmap'
import type { SharesOf } from '../../../../shared/documents/roadmap-totals'
import { monthShort } from '../common/format'
import { barsByRow, timelineLayout } from './roadmap-view'
import { TimelineBarRow } from './TimelineBarRow'
import { WINDOW_FROM } from '../common/useRowWindow'

const pct = (n: number) => `${(n / 12) * 100}%`

/** Where today falls in the window, as a fraction of its width; null outside. */
function todayFraction(windowStart: string, today: string): number | null {
  const offset = monthOffset(windowStart, today.slice(0, 7))
  if (offset === null) return null
  const [y, m, d] = today.split('-').map(Number)
  const days = new Date(y, m, 0).getDate()
  return (offset + (d - 1) / days) / 12
}

/**
 * The lanes' height before they are first rendered (the body is content-visibility: auto, skipped
 * while off screen): a lane row is 24 px and a 2 px margin, a lane 10 px more and its border.
 */
function estimatedHeight(lanes: ReadonlyArray<{ bars: readonly unknown[] }>): number {
  return lanes.reduce((height, lane) => height + Math.max(31, 10 + 26 * lane.bars.length) + 1, 0)
}

interface Props {
  roadmap: Roadmap
  today: string
  fyStartMonth?: number
  /** The page's per-row shares (sharesByRow). */
  sharesOf: SharesOf
}

export function RoadmapTimeline({ roadmap, today, fyStartMonth, sharesOf }: Props) {
  const { windowStart, currency } = roadmap
  const months = useMemo(() => windowMonths(windowStart), [windowStart])
  // The fiscal quarters' first months get the quarter rule on the scale.
  const quarterStarts = useMemo(() => new Set(quarterMonths(windowStart, fyStartMonth).map((q) => q.months[0])), [windowStart, fyStartMonth])
  // Bars remembered per row object, as the shares are: a change works out one bar.
  const [barOf] = useState(() => barsByRow(sharesOf))
  const layout = useMemo(() => timelineLayout(roadmap.initiatives, windowStart, barOf), [roadmap.initiatives, windowStart, barOf])
  const now = todayFraction(windowStart, today)

  return (
    <section className="board-section" aria-labelledby="timeline-title">
      <div className="board-section-head">
        <h2 className="board-section-title" id="timeline-title">Twelve-month timeline</h2>
        <div className="legend" aria-label="Legend">
          <span className="legend-item"><i className="swatch risk-low" />Low risk</span>
          <span className="legend-item"><i className="swatch risk-medium" />Medium</span>
          <span className="legend-item"><i className="swatch risk-high" />High</span>
          <span className="legend-item"><i className="swatch is-cut" />Cut</span>
        </div>
      </div>
      {/* A long roadmap's bars are skipped while off screen (CSS); a short one renders whole, as prints and screenshots expect. */}
      <div className={`timeline${roadmap.initiatives.length > WINDOW_FROM ? ' is-long' : ''}`} data-testid="roadmap-timeline">
        <div className="timeline-scale" aria-hidden="true">
          <div className="lane-label" />
          <div className="scale-track">
            {quarterMonths(windowStart, fyStartMonth).map((q) => (
              <span key={q.quarter} className="scale-quarter" style={{ left: pct(monthOffset(windowStart, q.months[0]) ?? 0), width: pct(q.months.length) }}>
                {q.quarter}
              </span>
            ))}
            {months.map((m, i) => (
              <span key={m} className={`scale-month ${quarterStarts.has(m) ? 'quarter-start' : ''}`} style={{ left: pct(i), width: pct(1) }}>
                {monthShort(m)}
                {m.endsWith('-01') && <span className="scale-year">{m.slice(0, 4)}</span>}
              </span>
            ))}
          </div>
        </div>
        <div className="timeline-body" style={{ containIntrinsicSize: `auto ${estimatedHeight(layout.lanes)}px` }}>
          {layout.lanes.map((lane) => (
            <div key={lane.key} className="timeline-lane" data-pillar={lane.key}>
              <div className="lane-label">{lane.label}<span className="count">{lane.bars.length}</span></div>
              <div className="lane-track">
                {lane.bars.map((bar) => (
                  <TimelineBarRow key={bar.id} {...bar} months={months} currency={currency} windowStart={windowStart} />
                ))}
              </div>
            </div>
          ))}
          {now !== null && layout.lanes.length > 0 && (
            <div className="today-line" style={{ left: `calc(var(--lane-label-width) + (100% - var(--lane-label-width)) * ${now})` }} title="Today" aria-hidden="true" />
          )}
        </div>
        {layout.lanes.length === 0 && <p className="empty small">Nothing scheduled in this window yet.</p>}
        {layout.unplaced.length > 0 && (
          <p className="timeline-note muted">
            Not on the timeline (no months, or outside the window): {layout.unplaced.map((u) => u.title || 'Untitled').join(', ')}
          </p>
        )}
      </div>
    </section>
  )
}
