// Brief comparison: per pillar, status and trend before → after, other fields, narrative diff.
import { fieldChanges } from './compare-rows'
import type { FieldChange } from './compare-rows'
import type { BriefProjection, BriefSectionProjection, BriefStatus, BriefTrend } from './brief'
import { PILLAR_LABELS, PILLARS } from './pillars'
import type { PillarKey } from './pillars'
import { compareText } from './text-diff'
import type { TextComparison } from './text-diff'

export interface PillarComparison {
  pillar: PillarKey
  label: string
  status: { before: BriefStatus | null; after: BriefStatus | null }
  trend: { before: BriefTrend | null; after: BriefTrend | null }
  /** Status or trend changed. */
  moved: boolean
  /** 'better' when the status moved towards on-track. */
  direction: 'better' | 'worse' | 'same'
  /** Owner and review date changes. */
  fields: FieldChange[]
  narrative: TextComparison
}

export interface BriefComparison {
  kind: 'brief'
  pillars: PillarComparison[]
}

const STATUS_RANK: Record<string, number> = { 'on-track': 0, watch: 1, 'at-risk': 2 }

function sectionOf(p: BriefProjection | null, pillar: PillarKey): Partial<BriefSectionProjection> {
  const sections = Array.isArray(p?.sections) ? p.sections : []
  return sections.find((s) => s && s.pillar === pillar) ?? {}
}

export function compareBrief(before: BriefProjection | null, after: BriefProjection | null): BriefComparison {
  return {
    kind: 'brief',
    pillars: PILLARS.map((pillar) => {
      const a = sectionOf(before, pillar)
      const b = sectionOf(after, pillar)
      const status = { before: a.status ?? null, after: b.status ?? null }
      const trend = { before: a.trend ?? null, after: b.trend ?? null }
      const rankA = STATUS_RANK[status.before ?? ''] ?? null
      const rankB = STATUS_RANK[status.after ?? ''] ?? null
      const direction = rankA === null || rankB === null || rankA === rankB ? 'same' : rankB < rankA ? 'better' : 'worse'
      return {
        pillar,
        label: PILLAR_LABELS[pillar],
        status,
        trend,
        moved: status.before !== status.after || trend.before !== trend.after,
        direction,
        fields: fieldChanges({ owner: a.owner, reviewedOn: a.reviewedOn }, { owner: b.owner, reviewedOn: b.reviewedOn }),
        narrative: compareText(a.narrative, b.narrative),
      }
    }),
  }
}
