// Roadmap comparison: initiatives, totals before/after/delta, risk-level changes.
// Both sides' totals are computed over the *after* window and the workspace's fiscal quarters, so
// each quarter means the same calendar months on both sides even when the window has moved on.
import { diffRows, rowsIn } from './compare-rows'
import type { RowsDiff } from './compare-rows'
import { PILLARS } from './pillars'
import type { PillarKey } from './pillars'
import type { InitiativeProjection, RiskLevel, RoadmapProjection } from './roadmap'
import { roadmapTotals } from './roadmap-totals'
import type { CostTotals } from './roadmap-totals'
import type { QuarterLabel } from './roadmap-window'

export interface Delta<T> {
  before: T
  after: T
  delta: T
}

export interface RoadmapComparison {
  kind: 'roadmap'
  windowStart: { before: string | null; after: string | null }
  currency: { before: string | null; after: string | null }
  initiatives: RowsDiff<InitiativeProjection>
  totals: {
    quarters: Array<Delta<CostTotals> & { quarter: QuarterLabel; months: string[] }>
    pillars: Record<PillarKey, Delta<CostTotals>>
    grand: Delta<CostTotals>
    highRisk: Delta<number>
  }
  /** Initiatives in both versions whose risk level changed. */
  riskChanges: Array<{ id: string; title: string; before: RiskLevel; after: RiskLevel }>
}

const cents = (n: number) => Math.round(n * 100) / 100

function delta(before: CostTotals, after: CostTotals): Delta<CostTotals> {
  const keys = ['oneOffCost', 'runRateCost', 'totalCost', 'capacity', 'count'] as const
  return { before, after, delta: Object.fromEntries(keys.map((k) => [k, cents(after[k] - before[k])])) as unknown as CostTotals }
}

function stringOrNull(p: Partial<RoadmapProjection> | null, key: 'windowStart' | 'currency'): string | null {
  const value = p?.[key]
  return typeof value === 'string' ? value : null
}

export function compareRoadmap(before: RoadmapProjection | null, after: RoadmapProjection | null, fyStartMonth?: number): RoadmapComparison {
  const rowsBefore = rowsIn<InitiativeProjection>(before, 'initiatives')
  const rowsAfter = rowsIn<InitiativeProjection>(after, 'initiatives')
  const window = stringOrNull(after, 'windowStart') ?? stringOrNull(before, 'windowStart') ?? '1970-01'
  const a = roadmapTotals(rowsBefore, window, fyStartMonth)
  const b = roadmapTotals(rowsAfter, window, fyStartMonth)

  const beforeById = new Map(rowsBefore.map((r) => [r.id, r]))
  const riskChanges = rowsAfter.flatMap((row) => {
    const old = beforeById.get(row.id)
    return old && old.risk !== row.risk ? [{ id: row.id, title: row.title, before: old.risk, after: row.risk }] : []
  })

  return {
    kind: 'roadmap',
    windowStart: { before: stringOrNull(before, 'windowStart'), after: stringOrNull(after, 'windowStart') },
    currency: { before: stringOrNull(before, 'currency'), after: stringOrNull(after, 'currency') },
    initiatives: diffRows(rowsBefore, rowsAfter, { label: (r) => r.title, textFields: ['description'] }),
    totals: {
      quarters: b.quarters.map((q, i) => ({ quarter: q.quarter, months: q.months, ...delta(a.quarters[i], q) })),
      pillars: Object.fromEntries(PILLARS.map((p) => [p, delta(a.pillars[p], b.pillars[p])])) as Record<PillarKey, Delta<CostTotals>>,
      grand: delta(a.grand, b.grand),
      highRisk: { before: a.highRisk, after: b.highRisk, delta: b.highRisk - a.highRisk },
    },
    riskChanges,
  }
}
