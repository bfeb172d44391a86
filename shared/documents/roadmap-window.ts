// The roadmap's rolling 12-month window: its months, its quarters, and where a bar sits in it.
import { quarterLabel } from '../format/quarters'
import { addMonths, isRealMonth, monthNumber } from './calendar'

export const WINDOW_LENGTH = 12
/** A fiscal quarter's label, "Q1 2027" or "Q1 FY2027" (shared/format/quarters.ts). */
export type QuarterLabel = string

export function windowMonths(windowStart: string): string[] {
  return Array.from({ length: WINDOW_LENGTH }, (_, i) => addMonths(windowStart, i))
}

export function windowEnd(windowStart: string): string {
  return addMonths(windowStart, WINDOW_LENGTH - 1)
}

/** Offset of a month in the window (0–11), or null outside it. */
export function monthOffset(windowStart: string, month: string): number | null {
  if (!isRealMonth(month) || !isRealMonth(windowStart)) return null
  const offset = monthNumber(month) - monthNumber(windowStart)
  return offset >= 0 && offset < WINDOW_LENGTH ? offset : null
}

/**
 * The window's months grouped by the workspace's fiscal quarters, in order: four quarters when the
 * window starts on a quarter's first month, otherwise five, the first and last partial ("Q4 2026"
 * holding only December). Every quarter label in the app follows the same rule.
 */
export function quarterMonths(windowStart: string, fyStartMonth?: number): Array<{ quarter: QuarterLabel; months: string[] }> {
  const quarters: Array<{ quarter: QuarterLabel; months: string[] }> = []
  for (const month of windowMonths(windowStart)) {
    const quarter = isRealMonth(month) ? quarterLabel(month, fyStartMonth) : '?'
    const last = quarters[quarters.length - 1]
    if (last?.quarter === quarter) last.months.push(month)
    else quarters.push({ quarter, months: [month] })
  }
  return quarters
}

/** Months from start to end inclusive; empty when either is missing or end is before start. */
export function monthSpan(start: string | null, end: string | null): string[] {
  return Array.from({ length: monthCount(start, end) }, (_, i) => addMonths(start as string, i))
}

/** How many months monthSpan holds, without building them (it runs for every row on every change). */
export function monthCount(start: string | null, end: string | null): number {
  if (!start || !end || !isRealMonth(start) || !isRealMonth(end)) return 0
  return Math.max(0, monthNumber(end) - monthNumber(start) + 1)
}

export interface BarOffsets {
  /** First and last window offsets the bar covers (0–11). */
  start: number
  end: number
  /** The initiative runs on before / after the window. */
  clippedStart: boolean
  clippedEnd: boolean
}

/** Where an initiative's bar sits on the timeline; null when unscheduled or wholly outside. */
export function barOffsets(windowStart: string, start: string | null, end: string | null): BarOffsets | null {
  if (!isRealMonth(windowStart) || monthCount(start, end) === 0) return null
  const first = monthNumber(start as string) - monthNumber(windowStart)
  const last = monthNumber(end as string) - monthNumber(windowStart)
  if (last < 0 || first >= WINDOW_LENGTH) return null
  return {
    start: Math.max(0, first),
    end: Math.min(WINDOW_LENGTH - 1, last),
    clippedStart: first < 0,
    clippedEnd: last >= WINDOW_LENGTH,
  }
}
