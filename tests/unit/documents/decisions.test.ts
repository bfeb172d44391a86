import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addDecision,
  getDecisionContext,
  project,
  readDecisions,
  removeDecision,
  setDecisionField,
  template,
  updateDecision,
} from '../../../shared/documents/decisions'
import type { Decision } from '../../../shared/documents/decisions'
import { decisionAgeDays, groupDecisions, mergeDerivedDecisions } from '../../../shared/documents/decision-queue'
import { derivedRenewalDecisions } from '../../../shared/documents/vendor-renewals'
import { appendBlocks, paragraphs } from '../../../shared/documents/rich-text'
import { isPlainJson, receiveHostile, replica, stateOf, syncBoth } from './doc-sync'

const TODAY = new Date(2026, 5, 15)

function newQueue(): Y.Doc {
  const doc = new Y.Doc()
  template(doc)
  return doc
}

function decision(id: string, dueDate: string | null, status: Decision['status'] = 'open', extra: Partial<Decision> = {}): Decision {
  return { id, order: 1, invalid: [], question: id, options: '', owner: '', dueDate, status, outcome: '', decidedOn: null, createdOn: null, ...extra }
}

describe('decision rows', () => {
  it('adds with today as createdOn by default, edits, and projects context text', () => {
    const doc = newQueue()
    const result = addDecision(doc, { question: 'Approve cut-over', dueDate: '2026-07-01' })
    if (!result.ok) throw new Error(result.error)
    appendBlocks(getDecisionContext(doc, result.id) as Y.XmlFragment, paragraphs('Rollback rehearsed'))
    expect(updateDecision(doc, result.id, { status: 'decided', outcome: 'Go', decidedOn: '2026-06-20' })).toEqual({ ok: true })
    const [row] = project(doc).decisions
    expect(row).toMatchObject({ question: 'Approve cut-over', status: 'decided', outcome: 'Go', context: 'Rollback rehearsed' })
    expect(row.createdOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(removeDecision(doc, result.id)).toBe(true)
  })

  it('refuses bad values without touching the doc', () => {
    const doc = newQueue()
    const result = addDecision(doc, { question: 'Q' })
    if (!result.ok) throw new Error(result.error)
    const state = stateOf(doc)
    expect(setDecisionField(doc, result.id, 'dueDate', '2026-04-31')).toMatchObject({ ok: false, error: /real date/ })
    expect(setDecisionField(doc, result.id, 'status', 'maybe' as never).ok).toBe(false)
    expect(setDecisionField(doc, result.id, 'options', 'x'.repeat(2001))).toMatchObject({ ok: false, error: /at most 2000/ })
    expect(setDecisionField(doc, result.id, 'question', 'x'.repeat(201)).ok).toBe(false)
    expect(stateOf(doc)).toEqual(state)
  })

  it('reads a hostile queue without throwing', () => {
    const doc = receiveHostile((evil) => {
      const rows = evil.getMap('decisions')
      const d = new Y.Map()
      rows.set('d1', d)
      d.set('question', 'Real question')
      d.set('dueDate', 20260701)
      d.set('status', 'OPEN')
      rows.set('d2', 'just a string')
    })
    const byId = Object.fromEntries(readDecisions(doc).decisions.map((d) => [d.id, d]))
    expect(byId.d1).toMatchObject({ question: 'Real question', dueDate: null, status: 'open' })
    expect(byId.d1.invalid.sort()).toEqual(['dueDate', 'status'])
    expect(byId.d2.invalid).toEqual(['row'])
    expect(isPlainJson(project(doc))).toBe(true)
  })

  it('merges concurrent edits to different fields', () => {
    const a = newQueue()
    const result = addDecision(a, { question: 'Q' })
    if (!result.ok) throw new Error(result.error)
    const b = replica(a)
    setDecisionField(a, result.id, 'owner', 'Ana')
    setDecisionField(b, result.id, 'dueDate', '2026-08-01')
    syncBoth(a, b)
    for (const doc of [a, b]) expect(readDecisions(doc).decisions[0]).toMatchObject({ owner: 'Ana', dueDate: '2026-08-01' })
  })
})

describe('decision grouping (today 2026-06-15)', () => {
  const items = [
    decision('later-null', null),
    decision('d91', '2026-09-14'),
    decision('d90', '2026-09-13'),
    decision('d61', '2026-08-15'),
    decision('d60', '2026-08-14'),
    decision('d31', '2026-07-16'),
    decision('d30', '2026-07-15'),
    decision('d0', '2026-06-15'),
    decision('overdue', '2026-06-14'),
    decision('decided-old', '2026-05-01', 'decided', { decidedOn: '2026-05-01' }),
    decision('decided-new', '2026-05-01', 'decided', { decidedOn: '2026-06-01' }),
    decision('deferred', '2026-06-01', 'deferred'),
  ]

  it('buckets open items by due date and keeps decided/deferred apart', () => {
    const groups = groupDecisions(items, TODAY)
    const ids = (list: Decision[]) => list.map((d) => d.id)
    expect(ids(groups.overdue)).toEqual(['overdue'])
    expect(ids(groups.within30)).toEqual(['d0', 'd30'])
    expect(ids(groups.within60)).toEqual(['d31', 'd60'])
    expect(ids(groups.within90)).toEqual(['d61', 'd90'])
    expect(ids(groups.later)).toEqual(['d91', 'later-null'])
    expect(ids(groups.decided)).toEqual(['decided-new', 'decided-old'])
    expect(ids(groups.deferred)).toEqual(['deferred'])
  })

  it('computes age from createdOn', () => {
    expect(decisionAgeDays({ createdOn: '2026-06-01' }, TODAY)).toBe(14)
    expect(decisionAgeDays({ createdOn: '2025-06-15' }, TODAY)).toBe(365)
    expect(decisionAgeDays({ createdOn: null }, TODAY)).toBeNull()
  })

  it('merges derived vendor items, marked derived, into the right buckets', () => {
    const derived = derivedRenewalDecisions(
      [
        { id: 'v1', name: 'Datadog', owner: 'Tom', renewalDate: '2026-07-25', noticeDays: 30 }, // deadline 06-25
        { id: 'v2', name: 'Zendesk', owner: 'Lena', renewalDate: '2026-10-01', noticeDays: 30 }, // deadline 09-01
      ],
      TODAY,
    )
    const merged = mergeDerivedDecisions([decision('own', '2026-06-20')], derived)
    const groups = groupDecisions(merged, TODAY)
    expect(groups.within30.map((i) => [i.id, i.derived])).toEqual([
      ['own', false],
      ['renewal:v1', true],
    ])
    expect(groups.within90.map((i) => i.question)).toEqual(['Renew / renegotiate / replace Zendesk'])
  })
})
