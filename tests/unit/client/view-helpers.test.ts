import { describe, expect, it } from 'vitest'
import { dueText, openedText } from '../../../client/src/documents/decisions/decision-view'
import { heatTone, filterRisks } from '../../../client/src/documents/risks/risk-view'
import { barsByRow, nextSort, filterInitiatives, isFiltered, NO_FILTER, sortInitiatives, timelineLayout } from '../../../client/src/documents/roadmap/roadmap-view'
import { pillarCostBars, topInitiatives } from '../../../client/src/documents/summary/summary-view'
import { renewalFlagLabel, renewalFlagTone } from '../../../client/src/documents/vendors/renewal-label'
import { isHighRisk } from '../../../shared/documents/risk-figures'
import type { Initiative } from '../../../shared/documents/roadmap'
import { roadmapTotals, sharesByRow } from '../../../shared/documents/roadmap-totals'

let n = 0
function initiative(fields: Partial<Initiative>): Initiative {
  n++
  return {
    id: `i${n}`, order: n, invalid: [], title: `Initiative ${n}`, pillar: 'product', startMonth: '2026-01', endMonth: '2026-03',
    status: 'planned', oneOffCost: 0, runRateCost: 0, capacity: 0, risk: 'low', riskNote: '', owner: '', ...fields,
  }
}

describe('roadmap view', () => {
  const rows = [
    initiative({ title: 'b', oneOffCost: 300, pillar: 'security', status: 'cut' }),
    initiative({ title: 'A', oneOffCost: 100, pillar: 'product', risk: 'high' }),
    initiative({ title: '', oneOffCost: 200, pillar: null }),
  ]

  it('sorts by a column with empty values last, and keeps document order otherwise', () => {
    expect(sortInitiatives(rows, { key: 'title', direction: 'asc' }).map((r) => r.title)).toEqual(['A', 'b', ''])
    expect(sortInitiatives(rows, { key: 'title', direction: 'desc' }).map((r) => r.title)).toEqual(['b', 'A', ''])
    expect(sortInitiatives(rows, { key: 'oneOffCost', direction: 'desc' }).map((r) => r.oneOffCost)).toEqual([300, 200, 100])
    expect(sortInitiatives(rows, { key: 'pillar', direction: 'asc' }).map((r) => r.pillar)).toEqual(['product', 'security', null])
    expect(sortInitiatives(rows, { key: 'order', direction: 'asc' })).toEqual(rows)
  })

  it('cycles a header: ascending, descending, back to document order', () => {
    let sort = nextSort({ key: 'order', direction: 'asc' }, 'title')
    expect(sort).toEqual({ key: 'title', direction: 'asc' })
    sort = nextSort(sort, 'title')
    expect(sort).toEqual({ key: 'title', direction: 'desc' })
    expect(nextSort(sort, 'title')).toEqual({ key: 'order', direction: 'asc' })
    expect(nextSort(sort, 'risk')).toEqual({ key: 'risk', direction: 'asc' })
  })

  it('filters by pillar, status and risk together', () => {
    expect(filterInitiatives(rows, { ...NO_FILTER, pillar: 'product' })).toHaveLength(1)
    expect(filterInitiatives(rows, { ...NO_FILTER, status: 'cut' })[0].title).toBe('b')
    expect(filterInitiatives(rows, { ...NO_FILTER, pillar: 'product', risk: 'low' })).toHaveLength(0)
  })

  it('finds text in the title or the owner, ignoring case and surrounding spaces', () => {
    const people = [initiative({ title: 'Data platform', owner: 'Ana' }), initiative({ title: 'Billing', owner: 'Dana Lee' }), initiative({ title: 'Hiring', owner: 'Bo' })]
    expect(filterInitiatives(people, { ...NO_FILTER, find: ' DATA ' }).map((i) => i.title)).toEqual(['Data platform'])
    expect(filterInitiatives(people, { ...NO_FILTER, find: 'ana' }).map((i) => i.title)).toEqual(['Data platform', 'Billing'])
    expect(filterInitiatives(people, { ...NO_FILTER, find: 'ana', pillar: 'security' })).toHaveLength(0)
    expect(isFiltered({ ...NO_FILTER, find: '  ' })).toBe(false)
    expect(isFiltered({ ...NO_FILTER, find: 'x' })).toBe(true)
  })

  it('lays out swim lanes in pillar order, clips bars to the window and lists what cannot be placed', () => {
    const layout = timelineLayout([
      initiative({ pillar: 'security', startMonth: '2025-11', endMonth: '2026-02', oneOffCost: 10, runRateCost: 5 }),
      initiative({ pillar: 'product', startMonth: '2026-11', endMonth: '2027-04' }),
      initiative({ pillar: null, startMonth: '2026-05', endMonth: '2026-05' }),
      initiative({ title: 'Nowhere', startMonth: null }),
      initiative({ title: 'Later', startMonth: '2027-06', endMonth: '2027-07' }),
    ], '2026-01')
    expect(layout.lanes.map((l) => l.key)).toEqual(['product', 'security', 'none'])
    expect(layout.lanes[1].bars[0]).toMatchObject({ start: 0, end: 1, clippedStart: true, clippedEnd: false, cost: 5.83 }) // its two months inside the window
    expect(layout.lanes[0].bars[0]).toMatchObject({ start: 10, end: 11, clippedEnd: true })
    expect(layout.lanes[2].bars[0]).toMatchObject({ start: 4, end: 4 })
    expect(layout.unplaced.map((u) => u.title)).toEqual(['Nowhere', 'Later'])
  })

  it('remembers bars and shares per row object: a replaced row gets a new bar, the others keep theirs', () => {
    const rows = [initiative({ oneOffCost: 300 }), initiative({ startMonth: '2026-02', endMonth: '2026-02', runRateCost: 1200 })]
    const sharesOf = sharesByRow()
    const barOf = barsByRow(sharesOf)
    const first = timelineLayout(rows, '2026-01', barOf)
    expect(first).toEqual(timelineLayout(rows, '2026-01'))
    expect(roadmapTotals(rows, '2026-01', undefined, sharesOf)).toEqual(roadmapTotals(rows, '2026-01'))
    const changed = [rows[0], { ...rows[1], endMonth: '2026-04' }]
    const second = timelineLayout(changed, '2026-01', barOf)
    expect(second.lanes[0].bars[0]).toBe(first.lanes[0].bars[0])
    expect(second.lanes[0].bars[1]).toMatchObject({ start: 1, end: 3, cost: 300 })
    expect(roadmapTotals(changed, '2026-01', undefined, sharesOf)).toEqual(roadmapTotals(changed, '2026-01'))
    // Another window start is worked out again.
    expect(timelineLayout(rows, '2026-02', barOf)).toEqual(timelineLayout(rows, '2026-02'))
  })
})

describe('summary figures', () => {
  it('top initiatives by their cost inside the window (the figure the totals add up), cut ones left out', () => {
    const rows = [
      initiative({ title: 'small', oneOffCost: 10 }),
      initiative({ title: 'cut', oneOffCost: 1000, status: 'cut' }),
      initiative({ title: 'big', oneOffCost: 100, runRateCost: 50 }),
      initiative({ title: 'mid', runRateCost: 120 }),
    ]
    expect(topInitiatives(rows, '2026-01', 2).map((r) => r.title)).toEqual(['big', 'mid'])
    expect(topInitiatives(rows, '2026-01').map((r) => [r.title, r.cost])).toEqual([['big', 112.5], ['mid', 30], ['small', 10]])
  })
  it('pillar bars scale to the largest pillar and keep pillar order', () => {
    const totals = roadmapTotals([initiative({ pillar: 'security', oneOffCost: 300 }), initiative({ pillar: 'product', oneOffCost: 150 })], '2026-01')
    const bars = pillarCostBars(totals)
    expect(bars[0]).toMatchObject({ pillar: 'product', value: 150, fraction: 0.5 })
    expect(bars.find((b) => b.pillar === 'security')).toMatchObject({ value: 300, fraction: 1 })
    expect(bars.find((b) => b.pillar === 'quality')?.fraction).toBe(0)
  })
})

describe('labels', () => {
  it('renewal flag wording and tone', () => {
    expect(renewalFlagLabel(30)).toBe('Notice in 30 days')
    expect(renewalFlagLabel(1)).toBe('Notice in 1 day')
    expect(renewalFlagLabel(0)).toBe('Notice due today')
    expect(renewalFlagLabel(-3)).toBe('Notice passed')
    expect(renewalFlagTone(45)).toBe('soon')
    expect(renewalFlagTone(30)).toBe('urgent')
    expect(renewalFlagTone(-1)).toBe('urgent')
  })
  it('decision age and due wording', () => {
    expect(openedText(12)).toBe('opened 12 days ago')
    expect(openedText(1)).toBe('opened yesterday')
    expect(openedText(0)).toBe('opened today')
    expect(openedText(null)).toBe('')
    expect(dueText('2026-03-10', '2026-03-05')).toBe('due in 5 days')
    expect(dueText('2026-03-05', '2026-03-05')).toBe('due today')
    expect(dueText('2026-03-01', '2026-03-05')).toBe('4 days overdue')
    expect(dueText(null, '2026-03-05')).toBe('')
  })
})

describe('risk view', () => {
  it('heat tones agree with the board\'s definition of a high risk', () => {
    for (let s = 1; s <= 5; s++) {
      for (let l = 1; l <= 5; l++) {
        expect(heatTone(s, l) === 'high').toBe(isHighRisk({ severity: s, likelihood: l, status: 'open' }))
      }
    }
    expect(heatTone(2, 4)).toBe('medium')
    expect(heatTone(1, 3)).toBe('low')
  })
  it('a heat-map cell filters to active risks in that cell; otherwise closed ones are optional', () => {
    const risks = [
      { id: 'a', severity: 4, likelihood: 3, status: 'open' as const },
      { id: 'b', severity: 4, likelihood: 3, status: 'closed' as const },
      { id: 'c', severity: 2, likelihood: 2, status: 'mitigating' as const },
    ]
    expect(filterRisks(risks, { cell: { severity: 4, likelihood: 3 }, showClosed: true }).map((r) => r.id)).toEqual(['a'])
    expect(filterRisks(risks, { cell: null, showClosed: false }).map((r) => r.id)).toEqual(['a', 'c'])
    expect(filterRisks(risks, { cell: null, showClosed: true })).toHaveLength(3)
  })
})
