import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addInitiative,
  getInitiativeDescription,
  moveInitiative,
  project,
  readRoadmap,
  removeInitiative,
  setInitiativeField,
  setRoadmapMeta,
  template,
  updateInitiative,
} from '../../../shared/documents/roadmap'
import type { InitiativeFields } from '../../../shared/documents/roadmap'
import { initiativeInWindow, isOpenHighRisk, roadmapTotals } from '../../../shared/documents/roadmap-totals'
import { barOffsets, monthSpan, quarterMonths, windowMonths } from '../../../shared/documents/roadmap-window'
import { appendBlocks, paragraphs, richTextToPlain } from '../../../shared/documents/rich-text'
import { isPlainJson, receiveHostile, replica, stateOf, syncBoth } from './doc-sync'

function newRoadmap(windowStart = '2026-01'): Y.Doc {
  const doc = new Y.Doc()
  template(doc, { windowStart })
  return doc
}

function add(doc: Y.Doc, init: Partial<InitiativeFields>): string {
  const result = addInitiative(doc, init)
  if (!result.ok) throw new Error(result.error)
  return result.id
}

describe('roadmap template and meta', () => {
  it('sets window start and currency and keeps existing settings', () => {
    const doc = new Y.Doc()
    template(doc, { today: new Date(2026, 6, 9) })
    expect(readRoadmap(doc)).toMatchObject({ windowStart: '2026-07', currency: 'USD', initiatives: [], invalid: [] })
    expect(setRoadmapMeta(doc, 'currency', 'EUR')).toEqual({ ok: true })
    template(doc, { windowStart: '2030-01', currency: 'GBP' })
    expect(readRoadmap(doc)).toMatchObject({ windowStart: '2026-07', currency: 'EUR' })
  })

  it('refuses a bad currency or window start', () => {
    const doc = newRoadmap()
    expect(setRoadmapMeta(doc, 'currency', 'usd').ok).toBe(false)
    expect(setRoadmapMeta(doc, 'windowStart', '2026-13').ok).toBe(false)
    expect(readRoadmap(doc).currency).toBe('USD')
  })
})

describe('roadmap rows', () => {
  it('adds with defaults in the first quarter of the window and reads back fields', () => {
    const doc = newRoadmap('2026-04')
    const id = add(doc, { title: 'Returns portal', oneOffCost: 1000 })
    const [row] = readRoadmap(doc).initiatives
    expect(row).toMatchObject({ id, title: 'Returns portal', pillar: 'product', startMonth: '2026-04', endMonth: '2026-06', status: 'proposed', oneOffCost: 1000, invalid: [] })
    expect(getInitiativeDescription(doc, id)).toBeInstanceOf(Y.XmlFragment)
  })

  it('inserts between rows without rewriting the others, and moves one row by its own order', () => {
    const doc = newRoadmap()
    const a = add(doc, { title: 'A' })
    const b = add(doc, { title: 'B' })
    const c = add(doc, { title: 'C' })
    const before = new Map(readRoadmap(doc).initiatives.map((r) => [r.id, r.order]))
    const d = addInitiative(doc, { title: 'D' }, a)
    if (!d.ok) throw new Error(d.error)
    const rows = readRoadmap(doc).initiatives
    expect(rows.map((r) => r.title)).toEqual(['A', 'D', 'B', 'C'])
    for (const id of [a, b, c]) expect(rows.find((r) => r.id === id)?.order).toBe(before.get(id))

    expect(moveInitiative(doc, c, null)).toEqual({ ok: true })
    expect(readRoadmap(doc).initiatives.map((r) => r.title)).toEqual(['C', 'A', 'D', 'B'])
    expect(readRoadmap(doc).initiatives.find((r) => r.id === a)?.order).toBe(before.get(a))
  })

  it('removes a row', () => {
    const doc = newRoadmap()
    const a = add(doc, { title: 'A' })
    add(doc, { title: 'B' })
    expect(removeInitiative(doc, a)).toBe(true)
    expect(removeInitiative(doc, a)).toBe(false)
    expect(readRoadmap(doc).initiatives.map((r) => r.title)).toEqual(['B'])
  })

  it('updates start and end together', () => {
    const doc = newRoadmap()
    const id = add(doc, { startMonth: '2026-01', endMonth: '2026-02' })
    // Moving both later in one patch passes although start alone would pass end.
    expect(updateInitiative(doc, id, { startMonth: '2026-05', endMonth: '2026-08' })).toEqual({ ok: true })
    expect(readRoadmap(doc).initiatives[0]).toMatchObject({ startMonth: '2026-05', endMonth: '2026-08' })
  })
})

describe('roadmap validation refuses bad input without touching the doc', () => {
  const cases: Array<[keyof InitiativeFields, unknown, RegExp]> = [
    ['oneOffCost', -1, /cannot be negative/],
    ['oneOffCost', 'abc', /must be a number/],
    ['runRateCost', Infinity, /must be a number/],
    ['capacity', NaN, /must be a number/],
    ['title', 'x'.repeat(201), /at most 200/],
    ['owner', 'x'.repeat(121), /at most 120/],
    ['riskNote', 'x'.repeat(281), /at most 280/],
    ['pillar', 'marketing', /Pillar must be one of/],
    ['status', 'paused', /Status must be one of/],
    ['risk', 'extreme', /Risk must be one of/],
    ['startMonth', '2026-13', /real month/],
    ['startMonth', '2026-1', /real month/],
    ['endMonth', '2027-01', /between 2026-01 and 2026-12/],
    ['startMonth', '2025-12', /between 2026-01 and 2026-12/],
    ['endMonth', '2026-02', /cannot be before/],
  ]
  it.each(cases)('%s = %j', (field, value, message) => {
    const doc = newRoadmap()
    const id = add(doc, { startMonth: '2026-03', endMonth: '2026-06', title: 'Keep me' })
    const state = stateOf(doc)
    const result = setInitiativeField(doc, id, field, value as never)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(message)
    expect(stateOf(doc)).toEqual(state)
  })

  it('refuses unknown fields and unknown rows', () => {
    const doc = newRoadmap()
    const id = add(doc, {})
    expect(setInitiativeField(doc, id, 'colour' as never, 'red' as never)).toMatchObject({ ok: false, error: /Unknown field/ })
    expect(setInitiativeField(doc, 'nope', 'title', 'x')).toMatchObject({ ok: false, error: /no longer exists/ })
    expect(addInitiative(doc, { oneOffCost: -5 })).toMatchObject({ ok: false, field: 'oneOffCost' })
    expect(readRoadmap(doc).initiatives).toHaveLength(1)
  })

  it('still allows editing other fields of a row the window has rolled past', () => {
    const doc = newRoadmap('2026-01')
    const id = add(doc, { startMonth: '2026-01', endMonth: '2026-02' })
    setRoadmapMeta(doc, 'windowStart', '2026-06')
    expect(setInitiativeField(doc, id, 'oneOffCost', 10)).toEqual({ ok: true })
  })
})

describe('roadmap window helpers', () => {
  it('lists twelve months across a year end and splits them into quarters', () => {
    const months = windowMonths('2026-11')
    expect(months).toHaveLength(12)
    expect(months[0]).toBe('2026-11')
    expect(months[2]).toBe('2027-01')
    expect(months[11]).toBe('2027-10')
    // Quarters are the fiscal year's, not the window's thirds: a window from November starts with a
    // partial Q4 and ends with a partial one.
    expect(quarterMonths('2026-11').map((q) => [q.quarter, q.months.length])).toEqual([['Q4 2026', 2], ['Q1 2027', 3], ['Q2 2027', 3], ['Q3 2027', 3], ['Q4 2027', 1]])
    expect(quarterMonths('2026-11')[1]).toEqual({ quarter: 'Q1 2027', months: ['2027-01', '2027-02', '2027-03'] })
    // A fiscal year from April: December–February is never "Q1".
    expect(quarterMonths('2026-12', 4).map((q) => [q.quarter, q.months[0]])).toEqual([
      ['Q3 FY2027', '2026-12'], ['Q4 FY2027', '2027-01'], ['Q1 FY2028', '2027-04'], ['Q2 FY2028', '2027-07'], ['Q3 FY2028', '2027-10'],
    ])
  })

  it('places bars and clips them at the window edges', () => {
    expect(barOffsets('2026-01', '2026-03', '2026-05')).toEqual({ start: 2, end: 4, clippedStart: false, clippedEnd: false })
    expect(barOffsets('2026-01', '2025-10', '2027-03')).toEqual({ start: 0, end: 11, clippedStart: true, clippedEnd: true })
    expect(barOffsets('2026-01', '2027-01', '2027-02')).toBeNull()
    expect(barOffsets('2026-01', '2026-05', '2026-03')).toBeNull()
    expect(barOffsets('2026-01', null, '2026-03')).toBeNull()
    expect(monthSpan('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
  })
})

describe('roadmap totals (hand-computed)', () => {
  // Window 2026-01..2026-12.
  // A product   Jan–Mar  one-off 3000, run 1200/yr, cap 6, high, planned     → Q1: 3000 | 300 | 6
  // B eng       Mar–Jun  one-off 4000, run 2400/yr, cap 8, high, done        → Q1: 1000 | 200 | 2; Q2: 3000 | 600 | 6
  // C eng       Nov–Feb  one-off 8000 (4 months, 2 in window), cap 4, high   → Q1: 4000 | 0 | 2
  // D security  Dec–Mar  one-off 1200, run 1200/yr, cap 4, medium            → Q4: 300 | 100 | 1
  // E product   cut (excluded everywhere); F unscheduled.
  function build(): Y.Doc {
    const doc = newRoadmap('2026-01')
    add(doc, { title: 'A', pillar: 'product', startMonth: '2026-01', endMonth: '2026-03', oneOffCost: 3000, runRateCost: 1200, capacity: 6, risk: 'high', status: 'planned' })
    add(doc, { title: 'B', pillar: 'engineering', startMonth: '2026-03', endMonth: '2026-06', oneOffCost: 4000, runRateCost: 2400, capacity: 8, risk: 'high', status: 'done' })
    const c = add(doc, { title: 'C', pillar: 'engineering', startMonth: '2026-01', endMonth: '2026-02', capacity: 4, risk: 'high', status: 'in-progress' })
    // C started before the window: written directly as an older row would have been.
    const cRow = doc.getMap('initiatives').get(c) as Y.Map<unknown>
    cRow.set('startMonth', '2025-11')
    cRow.set('oneOffCost', 8000)
    const d = add(doc, { title: 'D', pillar: 'security', startMonth: '2026-12', endMonth: '2026-12', oneOffCost: 1200, runRateCost: 1200, capacity: 4, risk: 'medium' })
    ;(doc.getMap('initiatives').get(d) as Y.Map<unknown>).set('endMonth', '2027-03')
    add(doc, { title: 'E', pillar: 'product', startMonth: '2026-01', endMonth: '2026-12', oneOffCost: 99_999, risk: 'high', status: 'cut' })
    add(doc, { title: 'F', startMonth: null, endMonth: null, oneOffCost: 500 })
    return doc
  }

  it('allocates cost and capacity to quarters', () => {
    const { initiatives, windowStart } = readRoadmap(build())
    const totals = roadmapTotals(initiatives, windowStart)
    expect(totals.quarters.map((q) => [q.quarter, q.oneOffCost, q.runRateCost, q.totalCost, q.capacity, q.count])).toEqual([
      ['Q1 2026', 8000, 500, 8500, 10, 3],
      ['Q2 2026', 3000, 600, 3600, 6, 1],
      ['Q3 2026', 0, 0, 0, 0, 0],
      ['Q4 2026', 300, 100, 400, 1, 1],
    ])
    expect(totals.quarters[3].months).toEqual(['2026-10', '2026-11', '2026-12'])
  })

  it('totals by pillar and grand totals agree with the quarters', () => {
    const { initiatives, windowStart } = readRoadmap(build())
    const totals = roadmapTotals(initiatives, windowStart)
    expect(totals.pillars.product).toEqual({ oneOffCost: 3000, runRateCost: 300, totalCost: 3300, capacity: 6, count: 1 })
    expect(totals.pillars.engineering).toEqual({ oneOffCost: 8000, runRateCost: 800, totalCost: 8800, capacity: 10, count: 2 })
    expect(totals.pillars.security).toEqual({ oneOffCost: 300, runRateCost: 100, totalCost: 400, capacity: 1, count: 1 })
    expect(totals.pillars.quality.count).toBe(0)
    expect(totals.grand).toEqual({ oneOffCost: 11_300, runRateCost: 1200, totalCost: 12_500, capacity: 17, count: 4 })
    expect(totals.unscheduled).toBe(1)
  })

  it('gives each initiative the figures the totals add up: A + B + C + D is the grand total, cut and unscheduled count 0', () => {
    const { initiatives, windowStart } = readRoadmap(build())
    const each = Object.fromEntries(initiatives.map((i) => [i.title, initiativeInWindow(i, windowStart)]))
    expect(each.A).toEqual({ oneOffCost: 3000, runRateCost: 300, totalCost: 3300, capacity: 6, count: 1 })
    expect(each.C).toEqual({ oneOffCost: 4000, runRateCost: 0, totalCost: 4000, capacity: 2, count: 1 })
    expect(each.D).toEqual({ oneOffCost: 300, runRateCost: 100, totalCost: 400, capacity: 1, count: 1 })
    expect(each.E.totalCost).toBe(0)
    expect(each.F.totalCost).toBe(0)
    const grand = roadmapTotals(initiatives, windowStart).grand
    const sum = (k: 'totalCost' | 'capacity') => initiatives.reduce((s, i) => s + initiativeInWindow(i, windowStart)[k], 0)
    expect(sum('totalCost')).toBe(grand.totalCost)
    expect(sum('capacity')).toBe(grand.capacity)
  })

  it('counts open high risks only (not done, not cut)', () => {
    const { initiatives, windowStart } = readRoadmap(build())
    expect(roadmapTotals(initiatives, windowStart).highRisk).toBe(2)
    expect(initiatives.filter(isOpenHighRisk).map((i) => i.title)).toEqual(['A', 'C'])
  })
})

describe('hostile roadmap documents', () => {
  const hostile = () =>
    receiveHostile((evil) => {
      const rows = evil.getMap('initiatives')
      const good = new Y.Map()
      rows.set('r1', good)
      good.set('title', 'Looks fine')
      good.set('pillar', 'product')
      good.set('startMonth', '2026-01')
      good.set('endMonth', '2026-02')
      good.set('oneOffCost', 'abc')
      good.set('runRateCost', 1200)
      good.set('risk', { level: 'high' })
      good.set('description', 'not rich text')
      good.set('order', 'first')
      const fine = new Y.Map()
      rows.set('r0', fine)
      fine.set('title', 'Ordinary')
      fine.set('order', 1)
      fine.set('pillar', 'quality')
      fine.set('startMonth', '2026-01')
      fine.set('endMonth', '2026-01')
      fine.set('oneOffCost', 100)
      rows.set('r2', { title: 'Plain object', oneOffCost: 500, pillar: 'security', startMonth: '2026-03', endMonth: '2026-03' })
      rows.set('r3', 42)
      rows.set('r4', new Y.Array())
      rows.set('r5', null)
      evil.getMap('meta').set('windowStart', 12)
      evil.getMap('meta').set('currency', ['USD'])
    })

  it('reads every row without throwing, flagging what is wrong', () => {
    const doc = hostile()
    const roadmap = readRoadmap(doc)
    expect(roadmap.invalid).toEqual(['windowStart', 'currency'])
    expect(roadmap.currency).toBe('USD')
    expect(roadmap.windowStart).toBe('2026-01') // earliest start, since the stored one is damaged
    const byId = Object.fromEntries(roadmap.initiatives.map((r) => [r.id, r]))
    expect(roadmap.initiatives[0].id).toBe('r0')
    expect(byId.r1).toMatchObject({ title: 'Looks fine', oneOffCost: 0, runRateCost: 1200, risk: 'low', order: null })
    expect(byId.r1.invalid.sort()).toEqual(['description', 'oneOffCost', 'order', 'risk'])
    expect(byId.r2).toMatchObject({ title: 'Plain object', oneOffCost: 500, invalid: ['row'] })
    for (const id of ['r3', 'r4', 'r5']) expect(byId[id]).toMatchObject({ title: '', oneOffCost: 0, invalid: ['row'] })
  })

  it('treats damaged values as 0 in totals', () => {
    const { initiatives, windowStart } = readRoadmap(hostile())
    const totals = roadmapTotals(initiatives, windowStart)
    // r0 100 + r1 0 (damaged) + 2 months of r1's run rate (200) + plain-object r2 500 in March
    expect(totals.grand.oneOffCost).toBe(600)
    expect(totals.grand.runRateCost).toBe(200)
  })

  it('projects to plain JSON and refuses edits to damaged rows but allows removing them', () => {
    const doc = hostile()
    const projection = project(doc)
    expect(isPlainJson(projection)).toBe(true)
    expect(projection.initiatives.find((r) => r.id === 'r1')?.description).toBe('')
    expect(setInitiativeField(doc, 'r2', 'title', 'x')).toMatchObject({ ok: false, error: /damaged/ })
    expect(getInitiativeDescription(doc, 'r1')).toBeNull()
    expect(getInitiativeDescription(doc, 'r3', { writable: true })).toBeNull()
    expect(removeInitiative(doc, 'r3')).toBe(true)
    expect(readRoadmap(doc).initiatives.map((r) => r.id)).not.toContain('r3')
  })

  it('repairs a damaged description when asked for a writable one', () => {
    const doc = hostile()
    const fragment = getInitiativeDescription(doc, 'r1', { writable: true })
    expect(fragment).toBeInstanceOf(Y.XmlFragment)
    appendBlocks(fragment as Y.XmlFragment, paragraphs('Now editable'))
    expect(project(doc).initiatives.find((r) => r.id === 'r1')?.description).toBe('Now editable')
    expect(readRoadmap(doc).initiatives.find((r) => r.id === 'r1')?.invalid).not.toContain('description')
  })

  it('ignores a root of the wrong type', () => {
    const doc = receiveHostile((evil) => evil.getArray('initiatives').push([{ title: 'x' }, 5]))
    expect(() => readRoadmap(doc)).not.toThrow()
    expect(readRoadmap(doc).initiatives).toEqual([])
  })
})

describe('concurrent roadmap edits', () => {
  it('keeps edits to different fields of one row', () => {
    const a = newRoadmap()
    const id = add(a, { title: 'Original', oneOffCost: 1 })
    const b = replica(a)
    setInitiativeField(a, id, 'title', 'Renamed by A')
    setInitiativeField(b, id, 'oneOffCost', 250_000)
    syncBoth(a, b)
    for (const doc of [a, b]) expect(readRoadmap(doc).initiatives[0]).toMatchObject({ title: 'Renamed by A', oneOffCost: 250_000 })
  })

  it('keeps both people\'s text when both write the same text field', () => {
    const a = newRoadmap()
    const id = add(a, {})
    const b = replica(a)
    setInitiativeField(a, id, 'owner', 'Ana')
    setInitiativeField(b, id, 'owner', 'Ben')
    syncBoth(a, b)
    // A text cell is a Y.Text: both people's text is kept, in the same order on both replicas.
    const owner = readRoadmap(a).initiatives[0].owner
    expect(['AnaBen', 'BenAna']).toContain(owner)
    expect(readRoadmap(b).initiatives[0].owner).toBe(owner)
  })

  it('orders rows added at the same time identically on both sides', () => {
    const a = newRoadmap()
    add(a, { title: 'Existing' })
    const b = replica(a)
    add(a, { title: 'From A' })
    add(b, { title: 'From B' })
    syncBoth(a, b)
    const titles = readRoadmap(a).initiatives.map((r) => r.title)
    expect(titles).toHaveLength(3)
    expect(titles[0]).toBe('Existing')
    expect(readRoadmap(b).initiatives.map((r) => r.title)).toEqual(titles)
  })

  it('merges concurrent typing in a description', () => {
    const a = newRoadmap()
    const id = add(a, {})
    const b = replica(a)
    appendBlocks(getInitiativeDescription(a, id) as Y.XmlFragment, paragraphs('from A'))
    appendBlocks(getInitiativeDescription(b, id) as Y.XmlFragment, paragraphs('from B'))
    syncBoth(a, b)
    const text = richTextToPlain(getInitiativeDescription(a, id))
    expect(text.split('\n').sort()).toEqual(['from A', 'from B'])
    expect(richTextToPlain(getInitiativeDescription(b, id))).toBe(text)
  })
})
