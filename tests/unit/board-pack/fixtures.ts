// Hand-built saved projections for the board-pack tests (what versions.get() returns as `projection`).
import { WITHOUT_RECORDS, type BoardPackInput } from '../../../server/board-pack/board-pack-model'
import type { BriefProjection, BriefSectionProjection } from '../../../shared/documents/brief'
import { PILLAR_LABELS, PILLARS } from '../../../shared/documents/pillars'
import type { InitiativeProjection, RoadmapProjection } from '../../../shared/documents/roadmap'
import type { SummaryProjection } from '../../../shared/documents/summary'

let seq = 0
export function initiative(fields: Partial<InitiativeProjection>): InitiativeProjection {
  seq++
  return {
    id: `i${seq}`, order: seq, invalid: [], title: `Initiative ${seq}`, pillar: 'product', startMonth: '2026-07', endMonth: '2026-07',
    status: 'planned', oneOffCost: 0, runRateCost: 0, capacity: 0, risk: 'low', riskNote: '', owner: '', description: '',
    ...fields,
  }
}

/** Window Jul 2026 – Jun 2027; see the model test for the expected figures. */
export function roadmapProjection(): RoadmapProjection {
  return {
    kind: 'roadmap', windowStart: '2026-07', currency: 'USD', invalid: [],
    initiatives: [
      initiative({ title: 'Data platform', pillar: 'engineering', startMonth: '2026-07', endMonth: '2026-09', status: 'in-progress', oneOffCost: 90_000, runRateCost: 12_000, capacity: 30, risk: 'high', riskNote: 'Vendor | lock-in', owner: 'Tom' }),
      initiative({ title: 'Checkout', pillar: 'experience', startMonth: '2026-09', endMonth: '2026-12', oneOffCost: 40_000, capacity: 8, risk: 'medium', owner: 'Lena' }),
      initiative({ title: 'Old loyalty scheme', pillar: 'product', startMonth: '2026-07', endMonth: '2026-08', status: 'cut', oneOffCost: 50_000 }),
      initiative({ title: 'Unscheduled audit', pillar: 'security', startMonth: null, endMonth: null, oneOffCost: 10_000 }),
      initiative({ title: 'Next year', pillar: 'business', startMonth: '2027-09', endMonth: '2027-10', oneOffCost: 70_000 }),
      initiative({ title: 'Orphan', pillar: null, startMonth: '2027-05', endMonth: '2027-08', status: 'done', oneOffCost: 40_000, risk: 'high' }),
      initiative({ title: 'Pricing | engine', pillar: 'product', startMonth: '2026-07', endMonth: '2026-07', status: 'proposed', risk: 'high', riskNote: 'Untested at peak.' }),
    ],
  }
}

export function briefProjection(patch: Partial<Record<string, Partial<BriefSectionProjection>>> = {}): BriefProjection {
  return {
    kind: 'brief',
    sections: PILLARS.map((pillar) => ({
      pillar, label: PILLAR_LABELS[pillar], status: 'on-track', trend: 'steady', owner: '', reviewedOn: null, invalid: [], narrative: '',
      ...patch[pillar],
    })),
  }
}

export function summaryProjection(quarterLabel = 'Q3 2026'): SummaryProjection {
  return {
    kind: 'summary', quarterLabel, sources: { briefId: null, roadmapId: null, risksId: null }, invalid: [],
    body: 'Board summary — Q3 2026\nHeadlines\nSpend is within the envelope.\nDefects down a third.',
  }
}

export function packInput(overrides: Partial<BoardPackInput> = {}): BoardPackInput {
  return {
    ...WITHOUT_RECORDS,
    workspaceName: 'Northwind',
    meeting: { title: 'Q3 board', cadence: 'board', startsAt: Date.UTC(2026, 8, 15, 9), endedAt: Date.UTC(2026, 8, 15, 11, 2) },
    summary: {
      documentTitle: 'Board summary', version: 3, projection: summaryProjection(),
      blocks: [
        { type: 'heading', level: 1, text: 'Board summary — Q3 2026' },
        { type: 'heading', level: 2, text: 'Headlines' },
        { type: 'paragraph', text: 'Spend is within the envelope.' },
        { type: 'bullet', text: 'Defects down a third.', depth: 0, number: null },
        { type: 'bullet', text: 'Nested point.', depth: 1, number: null },
      ],
    },
    brief: {
      documentTitle: 'Brief', version: 2,
      projection: briefProjection({
        operational: { status: 'at-risk', trend: 'declining', owner: 'Dana', reviewedOn: '2026-09-08', narrative: 'Two outages.' },
        security: { status: 'watch', trend: 'improving', owner: 'Sam', narrative: 'SOC 2 at 70%.' },
      }),
    },
    roadmap: { documentTitle: 'Roadmap', version: 5, projection: roadmapProjection() },
    ...overrides,
  }
}
