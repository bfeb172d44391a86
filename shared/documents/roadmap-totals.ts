// Derived roadmap figures. Works on read rows and on projected rows alike.
// Money and capacity are allocated to the months an initiative runs (start..end inclusive):
// one-off cost and capacity spread evenly over those months, run-rate (annual) as runRate/12
// per month. Only months inside the window count, so quarters and pillars both add up to
// the grand total. Cut initiatives count nowhere.
import { isRealMonth, monthNumber } from './calendar'
import { monthCount, quarterMonths, WINDOW_LENGTH } from './roadmap-window'
import type { QuarterLabel } from './roadmap-window'
import { isPillarKey, PILLARS } from './pillars'
import type { PillarKey } from './pillars'
import type { InitiativeFields } from './roadmap'

export type TotalsInput = Pick<
  InitiativeFields,
  'pillar' | 'startMonth' | 'endMonth' | 'status' | 'oneOffCost' | 'runRateCost' | 'capacity' | 'risk'
>

export interface CostTotals {
  oneOffCost: number
  runRateCost: number
  totalCost: number
  /** Person-weeks. */
  capacity: number
  /** Initiatives with at least one month in this bucket. */
  count: number
}

export interface RoadmapTotals {
  quarters: Array<CostTotals & { quarter: QuarterLabel; months: string[] }>
  pillars: Record<PillarKey, CostTotals>
  grand: CostTotals
  /** Open high-risk initiatives (see isOpenHighRisk). */
  highRisk: number
  /** Not-cut initiatives without a usable start/end month; they add nothing to the totals. */
  unscheduled: number
}

const empty = (): CostTotals => ({ oneOffCost: 0, runRateCost: 0, totalCost: 0, capacity: 0, count: 0 })
const cents = (n: number) => Math.round(n * 100) / 100
/** Projections come back from storage as JSON; a bad number must not turn totals into NaN. */
const amount = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0)

function finish(t: CostTotals): CostTotals {
  return {
    oneOffCost: cents(t.oneOffCost),
    runRateCost: cents(t.runRateCost),
    totalCost: cents(t.oneOffCost + t.runRateCost),
    capacity: cents(t.capacity),
    count: t.count,
  }
}

export function countsTowardTotals(i: Pick<TotalsInput, 'status'>): boolean {
  return i.status !== 'cut'
}

/** High risk that still matters: delivered (done) or abandoned (cut) work carries no delivery risk. */
export function isOpenHighRisk(i: Pick<TotalsInput, 'risk' | 'status'>): boolean {
  return i.risk === 'high' && i.status !== 'done' && i.status !== 'cut'
}

/** An initiative's window offsets (0–11) and what it adds to each of them. */
export interface Shares {
  offsets: number[]
  perMonth: Omit<CostTotals, 'totalCost' | 'count'>
}
export type SharesOf = (i: TotalsInput, windowStart: string) => Shares | null

/**
 * The one computation of what an initiative costs and needs inside the window: its share of each
 * window month it runs in (see the header). Every figure Quorum shows — the roadmap's headline
 * figures, the breakdown by quarter and pillar, the summary's initiative costs, the timeline and the
 * board pack — is a sum of these shares, so a quarter, a pillar and an initiative always add up to
 * the grand total. Null for a cut or unscheduled initiative, which counts nowhere.
 */
export function initiativeShares(i: TotalsInput, windowStart: string): Shares | null {
  if (!countsTowardTotals(i)) return null
  const count = monthCount(i.startMonth, i.endMonth)
  if (count === 0) return null
  // Month arithmetic, not month strings: this runs for every initiative on every change.
  const offsets: number[] = []
  if (isRealMonth(windowStart)) {
    const first = monthNumber(i.startMonth as string) - monthNumber(windowStart)
    for (let o = Math.max(0, first); o < Math.min(WINDOW_LENGTH, first + count); o++) offsets.push(o)
  }
  return {
    offsets,
    perMonth: {
      oneOffCost: amount(i.oneOffCost) / count,
      runRateCost: amount(i.runRateCost) / 12,
      capacity: amount(i.capacity) / count,
    },
  }
}

/**
 * initiativeShares remembered per row object, for a live page whose rows are replaced, never
 * mutated, when they change (row-cache.ts): a change then computes the shares of one row.
 */
export function sharesByRow(): SharesOf {
  const cache = new WeakMap<TotalsInput, { windowStart: string; shares: Shares | null }>()
  return (i, windowStart) => {
    const hit = cache.get(i)
    if (hit?.windowStart === windowStart) return hit.shares
    const shares = initiativeShares(i, windowStart)
    cache.set(i, { windowStart, shares })
    return shares
  }
}

/** One initiative's figures inside the window (zero when cut, unscheduled or wholly outside it). */
export function initiativeInWindow(i: TotalsInput, windowStart: string, sharesOf: SharesOf = initiativeShares): CostTotals {
  const shares = sharesOf(i, windowStart)
  const t = empty()
  if (!shares) return t
  for (const _ of shares.offsets) {
    t.oneOffCost += shares.perMonth.oneOffCost
    t.runRateCost += shares.perMonth.runRateCost
    t.capacity += shares.perMonth.capacity
  }
  t.count = shares.offsets.length > 0 ? 1 : 0
  return finish(t)
}

/** `fyStartMonth`: the workspace's fiscal-year start (1 = January), which decides the quarters. */
export function roadmapTotals(initiatives: TotalsInput[], windowStart: string, fyStartMonth?: number, sharesOf: SharesOf = initiativeShares): RoadmapTotals {
  const quarters = quarterMonths(windowStart, fyStartMonth).map((q) => ({ ...q, ...empty() }))
  // Window offset → its quarter's bucket.
  const quarterOf = quarters.flatMap((q) => q.months.map(() => q))
  const pillars = Object.fromEntries(PILLARS.map((p) => [p, empty()])) as Record<PillarKey, CostTotals>
  const grand = empty()
  let unscheduled = 0

  for (const i of initiatives) {
    if (!countsTowardTotals(i)) continue
    const shares = sharesOf(i, windowStart)
    if (!shares) {
      unscheduled++
      continue
    }
    const { perMonth } = shares
    const touched = new Set<CostTotals>()
    for (const offset of shares.offsets) {
      const buckets = [quarterOf[offset], grand, isPillarKey(i.pillar) ? pillars[i.pillar] : null]
      for (const bucket of buckets) {
        if (!bucket) continue
        bucket.oneOffCost += perMonth.oneOffCost
        bucket.runRateCost += perMonth.runRateCost
        bucket.capacity += perMonth.capacity
        touched.add(bucket)
      }
    }
    for (const bucket of touched) bucket.count++
  }

  return {
    quarters: quarters.map((q) => ({ ...finish(q), quarter: q.quarter, months: q.months })),
    pillars: Object.fromEntries(PILLARS.map((p) => [p, finish(pillars[p])])) as Record<PillarKey, CostTotals>,
    grand: finish(grand),
    highRisk: initiatives.filter(isOpenHighRisk).length,
    unscheduled,
  }
}
