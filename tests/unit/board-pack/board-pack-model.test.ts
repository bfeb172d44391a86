import { describe, expect, it } from 'vitest'
import { buildBoardPackModel } from '../../../server/board-pack/board-pack-model'
import type { BoardPackModel, Section, SourceVersion } from '../../../server/board-pack/board-pack-model'
import { briefProjection, packInput } from './fixtures'

function included<T>(s: Section<T>): T & { included: true; source: SourceVersion } {
  if (!s.included) throw new Error(`section missing: ${s.note}`)
  return s
}
const roadmapOf = (m: BoardPackModel) => included(m.roadmap)

describe('board pack model: roadmap', () => {
  const roadmap = roadmapOf(buildBoardPackModel(packInput()))

  it('totals each window quarter, labelled by its months, and the quarters add up to the grand total', () => {
    expect(roadmap.quarters.map((q) => q.label)).toEqual(['Q3 2026 (Jul–Sep 2026)', 'Q4 2026 (Oct–Dec 2026)', 'Q1 2027 (Jan–Mar 2027)', 'Q2 2027 (Apr–Jun 2027)'])
    expect(roadmap.quarterNote).toBe('Calendar quarters (FY starts in January)')
    // Data platform (3 months) + one month of Checkout (40k over 4 months) + the zero-cost pricing engine.
    expect(roadmap.quarters[0]).toMatchObject({ oneOffCost: 100_000, runRateCost: 3_000, totalCost: 103_000, capacity: 32, count: 3 })
    expect(roadmap.quarters[1]).toMatchObject({ oneOffCost: 30_000, runRateCost: 0, capacity: 6, count: 1 })
    expect(roadmap.quarters[2]).toMatchObject({ totalCost: 0, count: 0 })
    // Only May and June of the unassigned initiative fall inside the window.
    expect(roadmap.quarters[3]).toMatchObject({ oneOffCost: 20_000, count: 1 })
    expect(roadmap.grand).toMatchObject({ oneOffCost: 150_000, runRateCost: 3_000, totalCost: 153_000, capacity: 38, count: 4 })
    expect(roadmap.quarters.reduce((sum, q) => sum + q.totalCost, 0)).toBe(roadmap.grand.totalCost)
  })

  it('totals every pillar in reading order, with an Unassigned row only when something has no pillar', () => {
    expect(roadmap.pillars.map((p) => p.label)).toEqual(['Product', 'Project', 'Experience', 'Engineering', 'Quality', 'Operational', 'Security', 'Business', 'Unassigned'])
    const byLabel = Object.fromEntries(roadmap.pillars.map((p) => [p.label, p]))
    expect(byLabel.Engineering).toMatchObject({ oneOffCost: 90_000, runRateCost: 3_000, count: 1 })
    expect(byLabel.Product).toMatchObject({ oneOffCost: 0, count: 1 })
    expect(byLabel.Unassigned).toMatchObject({ oneOffCost: 20_000, count: 1 })
    expect(roadmap.pillars.reduce((sum, p) => sum + p.totalCost, 0)).toBe(roadmap.grand.totalCost)

    const input = packInput()
    input.roadmap!.projection.initiatives = input.roadmap!.projection.initiatives.filter((i) => i.pillar !== null)
    expect(roadmapOf(buildBoardPackModel(input)).pillars.map((p) => p.label)).not.toContain('Unassigned')
  })

  it('lists initiatives grouped by pillar, cut ones uncounted, with their periods', () => {
    expect(roadmap.initiatives.map((i) => [i.title, i.pillarLabel, i.period, i.counted])).toEqual([
      ['Old loyalty scheme', 'Product', 'Jul–Aug 2026', false],
      ['Pricing | engine', 'Product', 'Jul 2026', true],
      ['Checkout', 'Experience', 'Sep–Dec 2026', true],
      ['Data platform', 'Engineering', 'Jul–Sep 2026', true],
      ['Unscheduled audit', 'Security', '', true],
      ['Next year', 'Business', 'Sep–Oct 2027', true],
      ['Orphan', 'Unassigned', 'May–Aug 2027', true],
    ])
    expect({ cut: roadmap.cut, unscheduled: roadmap.unscheduled, outsideWindow: roadmap.outsideWindow }).toEqual({ cut: 1, unscheduled: 1, outsideWindow: 1 })
  })

  it('draws swim lanes of the scheduled, uncut initiatives inside the window, clipped at its edges', () => {
    expect(roadmap.lanes.map((l) => [l.label, l.bars.map((b) => b.title)])).toEqual([
      ['Product', ['Pricing | engine']],
      ['Experience', ['Checkout']],
      ['Engineering', ['Data platform']],
      ['Unassigned', ['Orphan']],
    ])
    expect(roadmap.lanes[1].bars[0]).toMatchObject({ start: 2, end: 5, clippedStart: false, clippedEnd: false, risk: 'medium' })
    expect(roadmap.lanes[3].bars[0]).toMatchObject({ start: 10, end: 11, clippedEnd: true, status: 'done' })
    expect(roadmap.months).toHaveLength(12)
    expect(roadmap.windowLabel).toBe('Jul 2026–Jun 2027')
  })

  it('reports open high risks only: done and cut work carries no delivery risk', () => {
    expect(roadmap.highRisk.map((i) => i.title)).toEqual(['Pricing | engine', 'Data platform'])
  })

  it('treats damaged amounts in a stored projection as nothing rather than NaN', () => {
    const input = packInput()
    input.roadmap!.projection.initiatives[0].oneOffCost = 'lots' as unknown as number
    const damaged = roadmapOf(buildBoardPackModel(input))
    expect(damaged.initiatives.find((i) => i.title === 'Data platform')!.oneOffCost).toBe(0)
    expect(damaged.grand.oneOffCost).toBe(60_000)
  })
})

describe('board pack model: summary, brief and naming', () => {
  it('titles the pack after the meeting\'s cadence and day, and names its file after the summary quarter, falling back to the meeting date', () => {
    const model = buildBoardPackModel(packInput())
    expect(model).toMatchObject({ title: 'Quarterly board pack — 15 Sep 2026', quarterLabel: 'Q3 2026', fileStem: 'board-pack-q3-2026' })
    const withoutSummary = buildBoardPackModel(packInput({ summary: null, meeting: { title: 'x', cadence: 'leadership', startsAt: Date.UTC(2026, 10, 2), endedAt: Date.UTC(2026, 10, 2, 2) } }))
    expect(withoutSummary.fileStem).toBe('board-pack-q4-2026')
    expect(withoutSummary.title).toBe('Leadership pack — 2 Nov 2026')
  })

  it('uses a leading top-level heading as the summary title instead of repeating it', () => {
    const summary = included(buildBoardPackModel(packInput()).summary)
    expect(summary.title).toBe('Board summary — Q3 2026')
    expect(summary.blocks[0]).toEqual({ type: 'heading', level: 2, text: 'Headlines' })
    expect(summary.source).toEqual({ documentTitle: 'Board summary', version: 3 })
  })

  it('falls back to the plain body, one paragraph a line, when the structure could not be read', () => {
    const input = packInput()
    input.summary!.blocks = null
    const summary = included(buildBoardPackModel(input).summary)
    expect(summary.title).toBe('Quarterly summary')
    expect(summary.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph'])
  })

  it('always has eight tiles in pillar order and counts the statuses', () => {
    const brief = included(buildBoardPackModel(packInput()).brief)
    expect(brief.tiles.map((t) => t.pillar)).toEqual(['product', 'project', 'experience', 'engineering', 'quality', 'operational', 'security', 'business'])
    expect(brief.tiles[5]).toMatchObject({ label: 'Operational', status: 'at-risk', trend: 'declining', owner: 'Dana', reviewedOn: '2026-09-08' })
    expect(brief.counts).toEqual({ 'on-track': 6, watch: 1, 'at-risk': 1 })

    const partial = briefProjection()
    partial.sections = partial.sections.filter((s) => s.pillar === 'quality')
    const fromPartial = included(buildBoardPackModel(packInput({ brief: { documentTitle: 'B', version: 1, projection: partial } })).brief)
    expect(fromPartial.tiles).toHaveLength(8)
  })

  it('leaves out a kind that was not on the agenda, with a note', () => {
    const model = buildBoardPackModel(packInput({ roadmap: null, brief: null }))
    expect(model.roadmap).toEqual({ included: false, note: "No roadmap was on this meeting's agenda, so this pack has none." })
    expect(model.brief.included).toBe(false)
    expect(model.summary.included).toBe(true)
  })
})
