import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addInitiative, getInitiativeDescription, readRoadmap, readRoadmapLive, removeInitiative, template, updateInitiative } from '../../../shared/documents/roadmap'
import { appendBlocks, paragraphs } from '../../../shared/documents/rich-text'
import { addDecision, getDecisionContext, readDecisions, readDecisionsLive, updateDecision } from '../../../shared/documents/decisions'
import { addRisk, readRisks, readRisksLive, updateRisk } from '../../../shared/documents/risks'
import { addVendor, addVendorHistory, readVendors, readVendorsLive, template as vendorsTemplate, updateVendor } from '../../../shared/documents/vendors'
import { receiveHostile, replica, syncBoth } from './doc-sync'

function roadmapWith(count: number) {
  const doc = new Y.Doc()
  template(doc)
  const ids: string[] = []
  for (let n = 0; n < count; n++) {
    const added = addInitiative(doc, { title: `Initiative ${n}` })
    if (!added.ok) throw new Error(added.error)
    ids.push(added.id)
  }
  return { doc, ids }
}

const byId = (doc: Y.Doc) => new Map(readRoadmapLive(doc).initiatives.map((i) => [i.id, i]))

describe('incremental roadmap rows (row-cache)', () => {
  it('reads the same rows as a full read, and the same objects while nothing changed', () => {
    const { doc } = roadmapWith(3)
    const live = readRoadmapLive(doc)
    expect(live).toEqual(readRoadmap(doc))
    expect(readRoadmapLive(doc).initiatives[0]).toBe(live.initiatives[0])
  })

  it('re-parses only the row that changed, remote edits included', () => {
    const { doc, ids } = roadmapWith(3)
    const before = byId(doc)
    const remote = replica(doc)
    expect(updateInitiative(remote, ids[1], { capacity: 7, title: 'Renamed' }).ok).toBe(true)
    syncBoth(doc, remote)
    const after = byId(doc)
    expect(after.get(ids[0])).toBe(before.get(ids[0]))
    expect(after.get(ids[2])).toBe(before.get(ids[2]))
    expect(after.get(ids[1])).toMatchObject({ capacity: 7, title: 'Renamed' })
    expect(readRoadmapLive(doc)).toEqual(readRoadmap(doc))
  })

  it('re-parses no row for a description (rich text) edit', () => {
    const { doc, ids } = roadmapWith(2)
    const before = byId(doc)
    const description = getInitiativeDescription(doc, ids[0], { writable: true })
    if (!description) throw new Error('no description')
    appendBlocks(description, paragraphs('Why this matters'))
    const after = byId(doc)
    for (const id of ids) expect(after.get(id)).toBe(before.get(id))
  })

  it('handles removed and added rows', () => {
    const { doc, ids } = roadmapWith(3)
    const before = byId(doc)
    removeInitiative(doc, ids[0])
    const added = addInitiative(doc, { title: 'New' })
    const after = byId(doc)
    expect(after.has(ids[0])).toBe(false)
    expect(after.get(ids[2])).toBe(before.get(ids[2]))
    expect(added.ok && after.get(added.id)?.title).toBe('New')
    expect(readRoadmapLive(doc)).toEqual(readRoadmap(doc))
  })

  it('tolerates hostile rows, before and after they change', () => {
    const doc = receiveHostile((evil) => {
      const rows = evil.getMap('initiatives')
      rows.set('r1', { title: 'Plain object', oneOffCost: 500 })
      rows.set('r2', 42)
      const odd = new Y.Map()
      rows.set('r3', odd)
      odd.set('risk', { level: 'high' })
      odd.set('order', 'first')
    })
    expect(readRoadmapLive(doc)).toEqual(readRoadmap(doc))
    doc.getMap('initiatives').set('r2', null)
    ;(doc.getMap('initiatives').get('r3') as Y.Map<unknown>).set('oneOffCost', 'abc')
    expect(readRoadmapLive(doc)).toEqual(readRoadmap(doc))
    expect(byId(doc).get('r2')?.invalid).toEqual(['row'])
  })
})

describe('incremental risk rows', () => {
  it('match a full read and keep unchanged rows', () => {
    const doc = new Y.Doc()
    const a = addRisk(doc, { title: 'Supplier outage' })
    const b = addRisk(doc, { title: 'Key person leaves' })
    if (!a.ok || !b.ok) throw new Error('add failed')
    const before = readRisksLive(doc).risks
    expect(updateRisk(doc, b.id, { severity: 5 }).ok).toBe(true)
    const after = readRisksLive(doc)
    expect(after).toEqual(readRisks(doc))
    expect(after.risks.find((r) => r.id === a.id)).toBe(before.find((r) => r.id === a.id))
  })
})

describe('incremental vendor rows', () => {
  it('match a full read, history included; a history entry or a field gives only its vendor a new object', () => {
    const doc = new Y.Doc()
    vendorsTemplate(doc)
    const a = addVendor(doc, { name: 'Acme Cloud' })
    const b = addVendor(doc, { name: 'Globex CRM' })
    if (!a.ok || !b.ok) throw new Error('add failed')
    const find = (id: string) => readVendorsLive(doc).vendors.find((v) => v.id === id)
    const [beforeA, beforeB] = [find(a.id), find(b.id)]
    expect(readVendorsLive(doc)).toEqual(readVendors(doc))

    expect(addVendorHistory(doc, b.id, { date: '2026-03-01', author: 'Ana', note: 'Asked for a discount' }).ok).toBe(true)
    expect(find(a.id)).toBe(beforeA)
    expect(find(b.id)?.history.map((h) => h.note)).toEqual(['Asked for a discount'])
    expect(readVendorsLive(doc)).toEqual(readVendors(doc))

    const withHistory = find(b.id)
    expect(updateVendor(doc, a.id, { annualValue: 1200 }).ok).toBe(true)
    expect(find(b.id)).toBe(withHistory)
    expect(find(a.id)).not.toBe(beforeA)
    expect(find(a.id)?.annualValue).toBe(1200)
    expect(beforeB).not.toBe(withHistory)
  })
})

describe('incremental decision rows', () => {
  it('match a full read; a context (rich text) edit re-reads no row, a field edit only its own', () => {
    const doc = new Y.Doc()
    const a = addDecision(doc, { question: 'Renew Acme?' })
    const b = addDecision(doc, { question: 'Hire a CISO?' })
    if (!a.ok || !b.ok) throw new Error('add failed')
    const before = readDecisionsLive(doc).decisions
    expect(before).toEqual(readDecisions(doc).decisions)
    const context = getDecisionContext(doc, a.id, { writable: true })
    if (!context) throw new Error('no context')
    appendBlocks(context, paragraphs('Budget is tight'))
    expect(readDecisionsLive(doc).decisions).toBe(before)
    expect(updateDecision(doc, b.id, { status: 'decided' }).ok).toBe(true)
    const after = readDecisionsLive(doc).decisions
    expect(after.find((d) => d.id === a.id)).toBe(before.find((d) => d.id === a.id))
    expect(after.find((d) => d.id === b.id)?.status).toBe('decided')
    expect(after).toEqual(readDecisions(doc).decisions)
  })
})
