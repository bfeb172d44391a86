// Pure view logic of the roadmap: table sort and filters, the timeline's swim lanes and bars.
import { initiativeInWindow, initiativeShares, type SharesOf } from '../../../../shared/documents/roadmap-totals'
import { barOffsets } from '../../../../shared/documents/roadmap-window'
import { PILLAR_LABELS, PILLARS } from '../../../../shared/documents/pillars'
import type { PillarKey } from '../../../../shared/documents/pillars'
import type { Initiative, InitiativeStatus, RiskLevel } from '../../../../shared/documents/roadmap'

export type SortKey = 'order' | 'title' | 'pillar' | 'startMonth' | 'endMonth' | 'status' | 'oneOffCost' | 'runRateCost' | 'capacity' | 'risk' | 'owner'
export interface SortState {
  key: SortKey
  direction: 'asc' | 'desc'
}

export interface RoadmapFilter {
  pillar: PillarKey | 'all'
  status: InitiativeStatus | 'all'
  risk: RiskLevel | 'all'
  /** "Find…": text in the title or owner. Past ~100 rows only the rows on screen are in the page, so the browser's own find cannot reach the rest. */
  find: string
}
export const NO_FILTER: RoadmapFilter = { pillar: 'all', status: 'all', risk: 'all', find: '' }

const RANK: Partial<Record<SortKey, readonly string[]>> = {
  pillar: PILLARS,
  status: ['proposed', 'planned', 'in-progress', 'done', 'cut'],
  risk: ['low', 'medium', 'high'],
}

function sortValue(i: Initiative, key: SortKey): string | number | null {
  if (key === 'order') return null
  const value = i[key]
  const rank = RANK[key]
  if (rank) return value === null ? null : rank.indexOf(value as string)
  if (typeof value === 'string') return value === '' ? null : value.toLocaleLowerCase()
  return value
}

/** Document order for 'order'; empty values last in either direction; ties keep document order. */
export function sortInitiatives(rows: readonly Initiative[], sort: SortState): Initiative[] {
  if (sort.key === 'order') return sort.direction === 'asc' ? [...rows] : [...rows].reverse()
  const sign = sort.direction === 'asc' ? 1 : -1
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row, sort.key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value === b.value) return a.index - b.index
        return a.value === null ? 1 : -1
      }
      if (a.value < b.value) return -sign
      if (a.value > b.value) return sign
      return a.index - b.index
    })
    .map((x) => x.row)
}

/** Clicking a header: a new column sorts ascending, the same column flips, a third click resets. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key !== key) return { key, direction: 'asc' }
  if (current.direction === 'asc') return { key, direction: 'desc' }
  return { key: 'order', direction: 'asc' }
}

export function filterInitiatives(rows: readonly Initiative[], filter: RoadmapFilter): Initiative[] {
  const find = filter.find.trim().toLocaleLowerCase()
  return rows.filter(
    (i) =>
      (filter.pillar === 'all' || i.pillar === filter.pillar) &&
      (filter.status === 'all' || i.status === filter.status) &&
      (filter.risk === 'all' || i.risk === filter.risk) &&
      (find === '' || i.title.toLocaleLowerCase().includes(find) || i.owner.toLocaleLowerCase().includes(find)),
  )
}

export function isFiltered(filter: RoadmapFilter): boolean {
  return filter.pillar !== 'all' || filter.status !== 'all' || filter.risk !== 'all' || filter.find.trim() !== ''
}


export interface TimelineBar {
  id: string
  title: string
  risk: RiskLevel
  status: InitiativeStatus
  /** Window offsets 0–11. */
  start: number
  end: number
  clippedStart: boolean
  clippedEnd: boolean
  cost: number
}

export interface TimelineLane {
  key: PillarKey | 'none'
  label: string
  bars: TimelineBar[]
}

export interface TimelineLayout {
  lanes: TimelineLane[]
  /** Initiatives without usable months, or wholly outside the window. */
  unplaced: Array<{ id: string; title: string }>
}

/** An initiative's bar (null: unscheduled or wholly outside the window). */
export type BarOf = (i: Initiative, windowStart: string) => TimelineBar | null

export function timelineBar(i: Initiative, windowStart: string, sharesOf: SharesOf = initiativeShares): TimelineBar | null {
  const bar = barOffsets(windowStart, i.startMonth, i.endMonth)
  if (!bar) return null
  return { id: i.id, title: i.title, risk: i.risk, status: i.status, ...bar, cost: initiativeInWindow(i, windowStart, sharesOf).totalCost }
}

/**
 * timelineBar remembered per row object, for a live page whose rows are replaced, never mutated,
 * when they change (row-cache.ts): a change works out one bar, not 500 bars' month arithmetic.
 */
export function barsByRow(sharesOf: SharesOf): BarOf {
  const cache = new WeakMap<Initiative, { windowStart: string; bar: TimelineBar | null }>()
  return (i, windowStart) => {
    const hit = cache.get(i)
    if (hit?.windowStart === windowStart) return hit.bar
    const bar = timelineBar(i, windowStart, sharesOf)
    cache.set(i, { windowStart, bar })
    return bar
  }
}

/** Swim lanes in pillar order (empty pillars omitted), bars in document order within a lane. */
export function timelineLayout(rows: readonly Initiative[], windowStart: string, barOf: BarOf = timelineBar): TimelineLayout {
  const byLane = new Map<PillarKey | 'none', TimelineBar[]>()
  const unplaced: TimelineLayout['unplaced'] = []
  for (const i of rows) {
    const bar = barOf(i, windowStart)
    if (!bar) {
      unplaced.push({ id: i.id, title: i.title })
      continue
    }
    const lane = i.pillar ?? 'none'
    const list = byLane.get(lane) ?? []
    list.push(bar)
    byLane.set(lane, list)
  }
  const keys: Array<PillarKey | 'none'> = [...PILLARS, 'none']
  const lanes = keys
    .filter((k) => byLane.has(k))
    .map((k) => ({ key: k, label: k === 'none' ? 'No pillar' : PILLAR_LABELS[k], bars: byLane.get(k)! }))
  return { lanes, unplaced }
}
