import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { compareProjections } from '../../../shared/documents/compare'
import { textDiff } from '../../../shared/documents/text-diff'
import type { TextOp } from '../../../shared/documents/text-diff'
import { appendBlocks, paragraphs } from '../../../shared/documents/rich-text'
import * as roadmap from '../../../shared/documents/roadmap'
import * as brief from '../../../shared/documents/brief'
import * as vendors from '../../../shared/documents/vendors'
import * as decisions from '../../../shared/documents/decisions'
import * as risks from '../../../shared/documents/risks'
import * as summary from '../../../shared/documents/summary'
import * as notes from '../../../shared/documents/notes'
import { fillDemo } from '../../../shared/documents/demo-content'
import { DOCUMENT_KINDS } from '../../../shared/document-kinds'
import { projectDocument } from '../../../shared/documents/index'

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result))
  return result as Extract<T, { ok: true }>
}

/** Text an op list describes for one side: after = equal + insert, before = equal + delete. */
const side = (ops: TextOp[], drop: TextOp['op']) => ops.filter((o) => o.op !== drop).map((o) => o.text).join('')

function setText(fragment: Y.XmlFragment | null, text: string): void {
  if (!fragment) throw new Error('no fragment')
  fragment.delete(0, fragment.length)
  appendBlocks(fragment, paragraphs(text))
}

describe('textDiff', () => {
  it('describes insertions and deletions word by word', () => {
    const ops = textDiff('the quick brown fox', 'the slow brown fox jumps')
    expect(ops.filter((o) => o.op === 'delete').map((o) => o.text)).toEqual(['quick'])
    expect(ops.filter((o) => o.op === 'insert').map((o) => o.text.trim())).toEqual(['slow', 'jumps'])
    expect(side(ops, 'delete')).toBe('the slow brown fox jumps')
    expect(textDiff('same', 'same')).toEqual([{ op: 'equal', text: 'same' }])
    expect(textDiff('', '')).toEqual([])
  })

  it('swaps whole words, so a changed figure never reads as a run of letters ("34.91%")', () => {
    const ops = textDiff('Churn moved 3.9 → 4.1% this quarter.', 'Churn moved 4.1 → 4.6% this quarter.')
    expect(ops).toEqual([
      { op: 'equal', text: 'Churn moved ' },
      { op: 'delete', text: '3.9' }, { op: 'insert', text: '4.1' },
      { op: 'equal', text: ' → ' },
      { op: 'delete', text: '4.1%' }, { op: 'insert', text: '4.6%' },
      { op: 'equal', text: ' this quarter.' },
    ])
    // What a reader sees of the new text: every inserted or kept word whole.
    expect(side(ops, 'delete')).toBe('Churn moved 4.1 → 4.6% this quarter.')
  })

  it('keeps blocks (headings, list items) on their own lines: a changed line never runs into the next', () => {
    const before = 'Headlines\nRevenue up 4%\nRisks'
    const after = 'Headlines\nRevenue flat\nHiring paused\nRisks'
    const ops = textDiff(before, after)
    expect(side(ops, 'delete')).toBe(after)
    expect(side(ops, 'insert')).toBe(before)
    expect(ops).toContainEqual({ op: 'delete', text: 'up 4%' })
    expect(ops.find((o) => o.op === 'insert')!.text).toBe('flat\nHiring paused')
    // A whole removed heading is removed with its own line, not glued to its neighbour.
    expect(textDiff('Old heading\nBody', 'Body')).toEqual([{ op: 'delete', text: 'Old heading' }, { op: 'equal', text: '\nBody' }])
  })
})

describe('compare roadmap', () => {
  // Window 2026-01. Before: A product Jan–Mar 3000 cap 6 low; B eng Apr–Jun 6000 cap 3; C security Jul 1000.
  // After: A one-off 6000 and high risk, B owner changed, C removed, D quality Oct–Dec 900 + run 1200/yr, cap 3.
  function versions() {
    const doc = new Y.Doc()
    roadmap.template(doc, { windowStart: '2026-01' })
    const a = ok(roadmap.addInitiative(doc, { title: 'A', pillar: 'product', startMonth: '2026-01', endMonth: '2026-03', oneOffCost: 3000, capacity: 6, risk: 'low' })).id
    const b = ok(roadmap.addInitiative(doc, { title: 'B', pillar: 'engineering', startMonth: '2026-04', endMonth: '2026-06', oneOffCost: 6000, capacity: 3, owner: 'Tom' })).id
    const c = ok(roadmap.addInitiative(doc, { title: 'C', pillar: 'security', startMonth: '2026-07', endMonth: '2026-07', oneOffCost: 1000 })).id
    setText(roadmap.getInitiativeDescription(doc, a), 'Build the returns portal')
    const before = roadmap.project(doc)

    ok(roadmap.updateInitiative(doc, a, { oneOffCost: 6000, risk: 'high' }))
    setText(roadmap.getInitiativeDescription(doc, a), 'Build the new returns portal quickly')
    ok(roadmap.setInitiativeField(doc, b, 'owner', 'Tina'))
    roadmap.removeInitiative(doc, c)
    const d = ok(roadmap.addInitiative(doc, { title: 'D', pillar: 'quality', startMonth: '2026-10', endMonth: '2026-12', oneOffCost: 900, runRateCost: 1200, capacity: 3 })).id
    return { before, after: roadmap.project(doc), ids: { a, b, c, d } }
  }

  it('lists added, removed and changed initiatives field by field', () => {
    const { before, after, ids } = versions()
    const result = compareProjections('roadmap', before, after)
    expect(result.initiatives.added.map((r) => r.id)).toEqual([ids.d])
    expect(result.initiatives.removed.map((r) => r.title)).toEqual(['C'])
    const changed = Object.fromEntries(result.initiatives.changed.map((c) => [c.label, c.fields]))
    expect(Object.keys(changed).sort()).toEqual(['A', 'B'])
    expect(changed.B).toEqual([{ field: 'owner', before: 'Tom', after: 'Tina' }])
    expect(changed.A.map((f) => f.field).sort()).toEqual(['description', 'oneOffCost', 'risk'])
    const description = changed.A.find((f) => f.field === 'description')
    expect(description?.diff?.filter((o) => o.op === 'insert').map((o) => o.text.trim())).toEqual(['new', 'quickly'])
    expect(side(description?.diff ?? [], 'delete')).toBe('Build the new returns portal quickly')
  })

  it('reports totals before, after and delta by quarter, pillar and overall', () => {
    const { before, after } = versions()
    const { totals } = compareProjections('roadmap', before, after)
    expect(totals.quarters.map((q) => [q.quarter, q.before.totalCost, q.after.totalCost, q.delta.totalCost])).toEqual([
      ['Q1 2026', 3000, 6000, 3000],
      ['Q2 2026', 6000, 6000, 0],
      ['Q3 2026', 1000, 0, -1000],
      ['Q4 2026', 0, 1200, 1200],
    ])
    expect(totals.quarters[3].delta).toEqual({ oneOffCost: 900, runRateCost: 300, totalCost: 1200, capacity: 3, count: 1 })
    expect(totals.pillars.product.delta.oneOffCost).toBe(3000)
    expect(totals.pillars.security.delta).toEqual({ oneOffCost: -1000, runRateCost: 0, totalCost: -1000, capacity: 0, count: -1 })
    expect(totals.pillars.quality.after.totalCost).toBe(1200)
    expect(totals.pillars.engineering.delta.totalCost).toBe(0)
    expect(totals.grand).toEqual({
      before: { oneOffCost: 10_000, runRateCost: 0, totalCost: 10_000, capacity: 9, count: 3 },
      after: { oneOffCost: 12_900, runRateCost: 300, totalCost: 13_200, capacity: 12, count: 3 },
      delta: { oneOffCost: 2900, runRateCost: 300, totalCost: 3200, capacity: 3, count: 0 },
    })
    expect(totals.highRisk).toEqual({ before: 0, after: 1, delta: 1 })
  })

  it('lists risk level changes', () => {
    const { before, after, ids } = versions()
    expect(compareProjections('roadmap', before, after).riskChanges).toEqual([{ id: ids.a, title: 'A', before: 'low', after: 'high' }])
  })

  it('compares totals over the same calendar months when the window has moved', () => {
    const doc = new Y.Doc()
    roadmap.template(doc, { windowStart: '2026-01' })
    ok(roadmap.addInitiative(doc, { startMonth: '2026-01', endMonth: '2026-12', oneOffCost: 12_000 }))
    const before = roadmap.project(doc)
    ok(roadmap.setRoadmapMeta(doc, 'windowStart', '2026-04'))
    const result = compareProjections('roadmap', before, roadmap.project(doc))
    expect(result.windowStart).toEqual({ before: '2026-01', after: '2026-04' })
    expect(result.totals.quarters[0].months).toEqual(['2026-04', '2026-05', '2026-06'])
    expect(result.totals.grand.before.oneOffCost).toBe(9000)
    expect(result.totals.grand.delta.oneOffCost).toBe(0)
    expect(result.initiatives.changed).toEqual([])
  })
})

describe('compare brief', () => {
  it('shows status and trend moves with direction, field changes and narrative diffs', () => {
    const doc = new Y.Doc()
    brief.template(doc)
    ok(brief.setPillarField(doc, 'engineering', 'status', 'watch'))
    setText(brief.getPillarNarrative(doc, 'security'), 'SOC 2 is at 60% of controls')
    const before = brief.project(doc)
    ok(brief.updatePillar(doc, 'product', { status: 'at-risk', trend: 'declining' }))
    ok(brief.setPillarField(doc, 'engineering', 'status', 'on-track'))
    ok(brief.setPillarField(doc, 'quality', 'owner', 'Aisha'))
    setText(brief.getPillarNarrative(doc, 'security'), 'SOC 2 is at 70% of controls')
    const result = compareProjections('brief', before, brief.project(doc))

    expect(result.pillars.map((p) => p.pillar)).toEqual(['product', 'project', 'experience', 'engineering', 'quality', 'operational', 'security', 'business'])
    const byPillar = Object.fromEntries(result.pillars.map((p) => [p.pillar, p]))
    expect(byPillar.product).toMatchObject({ moved: true, direction: 'worse', status: { before: 'on-track', after: 'at-risk' }, trend: { before: 'steady', after: 'declining' } })
    expect(byPillar.engineering).toMatchObject({ moved: true, direction: 'better', status: { before: 'watch', after: 'on-track' } })
    expect(result.pillars.filter((p) => p.moved).map((p) => p.pillar)).toEqual(['product', 'engineering'])
    expect(byPillar.quality.fields).toEqual([{ field: 'owner', before: '', after: 'Aisha' }])
    expect(byPillar.security.narrative.changed).toBe(true)
    expect(byPillar.security.narrative.diff.filter((o) => o.op !== 'equal').map((o) => [o.op, o.text])).toEqual([
      ['delete', '60%'], // whole words: the figure with its unit,
      ['insert', '70%'],
    ])
    expect(byPillar.business.narrative).toEqual({ changed: false, diff: [] })
  })
})

describe('compare row kinds', () => {
  it('vendors: added, removed, changed (including history appends)', () => {
    const doc = new Y.Doc()
    const aws = ok(vendors.addVendor(doc, { name: 'AWS', annualValue: 100 })).id
    const okta = ok(vendors.addVendor(doc, { name: 'Okta' })).id
    const before = vendors.project(doc)
    ok(vendors.setVendorField(doc, aws, 'annualValue', 150))
    ok(vendors.addVendorHistory(doc, aws, { date: '2026-06-01', author: 'Ana', note: 'Discount agreed' }))
    vendors.removeVendor(doc, okta)
    ok(vendors.addVendor(doc, { name: 'Datadog' }))
    const result = compareProjections('vendors', before, vendors.project(doc))
    expect(result.vendors.added.map((v) => v.name)).toEqual(['Datadog'])
    expect(result.vendors.removed.map((v) => v.name)).toEqual(['Okta'])
    expect(result.vendors.changed).toHaveLength(1)
    expect(result.vendors.changed[0].label).toBe('AWS')
    expect(result.vendors.changed[0].fields.map((f) => [f.field, f.before])).toEqual([
      ['annualValue', 100],
      ['history', []],
    ])
    expect(result.currency).toEqual({ before: 'USD', after: 'USD' })
  })

  it('vendors: says which currency each side was in (a stored projection may predate it)', () => {
    const doc = new Y.Doc()
    vendors.template(doc)
    const before = vendors.project(doc)
    ok(vendors.setVendorsCurrency(doc, 'GBP'))
    expect(compareProjections('vendors', before, vendors.project(doc)).currency).toEqual({ before: 'USD', after: 'GBP' })
    const { currency: _dropped, ...older } = before
    expect(compareProjections('vendors', older as typeof before, vendors.project(doc)).currency).toEqual({ before: null, after: 'GBP' })
  })

  it('decisions: context changes carry a text diff', () => {
    const doc = new Y.Doc()
    const id = ok(decisions.addDecision(doc, { question: 'Approve budget', createdOn: '2026-06-01' })).id
    setText(decisions.getDecisionContext(doc, id), 'Finance asks for a cap')
    const before = decisions.project(doc)
    ok(decisions.updateDecision(doc, id, { status: 'decided', outcome: 'Approved' }))
    setText(decisions.getDecisionContext(doc, id), 'Finance asks for a hard cap')
    const [change] = compareProjections('decisions', before, decisions.project(doc)).decisions.changed
    expect(change.fields.map((f) => f.field).sort()).toEqual(['context', 'outcome', 'status'])
    expect(change.fields.find((f) => f.field === 'context')?.diff?.filter((o) => o.op === 'insert').map((o) => o.text.trim())).toEqual(['hard'])
  })

  it('risks: a score change, and everything added when there is no earlier version', () => {
    const doc = new Y.Doc()
    const id = ok(risks.addRisk(doc, { title: 'Outage' })).id
    const before = risks.project(doc)
    ok(risks.setRiskField(doc, id, 'severity', 5))
    const after = risks.project(doc)
    expect(compareProjections('risks', before, after).risks.changed[0].fields).toEqual([{ field: 'severity', before: 3, after: 5 }])
    expect(compareProjections('risks', null, after).risks).toMatchObject({ added: [{ id }], removed: [], changed: [] })
    expect(compareProjections('risks', after, after).risks).toEqual({ added: [], removed: [], changed: [] })
  })
})

describe('compare rich-text kinds', () => {
  it('notes: body diff', () => {
    const doc = new Y.Doc()
    notes.template(doc)
    const before = notes.project(doc)
    appendBlocks(notes.getNotesBody(doc), paragraphs('Board approved the budget'))
    const result = compareProjections('notes', before, notes.project(doc))
    expect(result.body.changed).toBe(true)
    expect(result.body.diff.filter((o) => o.op === 'insert').map((o) => o.text).join('')).toContain('Board approved the budget')
    expect(result.body.diff.some((o) => o.op === 'delete')).toBe(false)
  })

  it('summary: quarter label and sources as fields, body diff', () => {
    const doc = new Y.Doc()
    summary.template(doc, { quarterLabel: 'Q2 2026' })
    const before = summary.projectSummary(doc)
    ok(summary.setSummaryMeta(doc, 'quarterLabel', 'Q3 2026'))
    ok(summary.setSummaryMeta(doc, 'risksId', 'risk-doc'))
    appendBlocks(summary.getSummaryBody(doc), paragraphs('New paragraph'))
    const result = compareProjections('summary', before, summary.projectSummary(doc))
    expect(result.fields).toEqual([
      { field: 'quarterLabel', before: 'Q2 2026', after: 'Q3 2026' },
      { field: 'risksId', before: null, after: 'risk-doc' },
    ])
    expect(result.body.changed).toBe(true)
  })
})

describe('compare robustness', () => {
  it('never throws on malformed stored projections, for any kind', () => {
    const junk: unknown[] = [null, {}, { initiatives: 'x', sections: 5, vendors: [1, null, { id: 3 }], body: 7 }]
    for (const kind of DOCUMENT_KINDS) {
      const doc = new Y.Doc()
      fillDemo(kind, doc, new Date(2026, 5, 15))
      const good = projectDocument(kind, doc)
      for (const bad of junk) {
        expect(() => compareProjections(kind, bad as never, good)).not.toThrow()
        expect(() => compareProjections(kind, good, bad as never)).not.toThrow()
      }
    }
  })

  it('finds no changes between a demo document and itself', () => {
    for (const kind of DOCUMENT_KINDS) {
      const doc = new Y.Doc()
      fillDemo(kind, doc, new Date(2026, 5, 15))
      const p = projectDocument(kind, doc)
      const result = JSON.stringify(compareProjections(kind, p, p))
      expect(result).not.toMatch(/"changed":true|"moved":true|"op":"insert"|"op":"delete"/)
      expect(result).not.toMatch(/"(added|removed|changed)":\[\{/)
    }
  })
})
