// Pure figures for the board summary's live blocks.
import { PILLAR_LABELS, PILLARS } from '../../../../shared/documents/pillars'
import type { Initiative } from '../../../../shared/documents/roadmap'
import { initiativeInWindow, type RoadmapTotals, type TotalsInput } from '../../../../shared/documents/roadmap-totals'

/**
 * The n costliest initiatives still in play (cut ones excluded), costliest first, each with its
 * cost inside the window: the same figure the roadmap's totals add up, so the column sums to them.
 */
export function topInitiatives<I extends Pick<Initiative, 'id' | 'title'> & TotalsInput>(rows: readonly I[], windowStart: string, n = 5): Array<I & { cost: number }> {
  return rows
    .filter((i) => i.status !== 'cut')
    .map((row, index) => ({ row, index, cost: initiativeInWindow(row, windowStart).totalCost }))
    .sort((a, b) => b.cost - a.cost || a.index - b.index)
    .slice(0, n)
    .map((x) => ({ ...x.row, cost: x.cost }))
}

export interface PillarBar {
  pillar: string
  label: string
  value: number
  /** Share of the largest pillar, 0–1, for the bar's length. */
  fraction: number
}

/** Cost by pillar in pillar order, scaled to the largest. */
export function pillarCostBars(totals: RoadmapTotals): PillarBar[] {
  const max = Math.max(0, ...PILLARS.map((p) => totals.pillars[p].totalCost))
  return PILLARS.map((p) => ({
    pillar: p,
    label: PILLAR_LABELS[p],
    value: totals.pillars[p].totalCost,
    fraction: max > 0 ? totals.pillars[p].totalCost / max : 0,
  }))
}
