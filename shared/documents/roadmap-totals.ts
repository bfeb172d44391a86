// Derived roadmap figures. Works on read rows and on projected rows alike.
// Money and capacity are allocated to the months an initiative runs (start..end inclusive):
// one-off cost and capacity spread evenly over those months, run-rate (annual) as runRate/12
// per month. Only months inside the window count, so quarters and pillars both add up to
// the grand total. Cut initiatives count nowhere.
import { monthOffset, monthSpan, quarterMonths } from './roadmap-window'
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

export function roadmapTotals(initiatives: TotalsInput[], windowStart: string): RoadmapTotals {
  const quarters = quarterMonths(windowStart).map((q) => ({ ...q, ...empty() }))
  const pillars = Object.fromEntries(PILLARS.map((p) => [p, empty()])) as Record<PillarKey, CostTotals>
  const grand = empty()
  let unscheduled = 0

  for (const i of initiatives) {
    if (!countsTowardTotals(i)) continue
    const months = monthSpan(i.startMonth, i.endMonth)
    if (months.length === 0) {
      unscheduled++
      continue
    }
    const perMonth = {
      oneOffCost: amount(i.oneOffCost) / months.length,
      runRateCost: amount(i.runRateCost) / 12,
      capacity: amount(i.capacity) / months.length,
    }
    const touched = new Set<CostTotals>()
    for (const month of months) {
      const offset = monthOffset(windowStart, month)
      if (offset === null) continue
      const buckets = [quarters[Math.floor(offset / 3)], grand, isPillarKey(i.pillar) ? pillars[i.pillar] : null]
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
