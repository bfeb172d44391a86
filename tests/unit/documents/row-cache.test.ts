import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addInitiative, getInitiativeDescription, readRoadmap, readRoadmapLive, removeInitiative, template, updateInitiative } from '../../../shared/documents/roadmap'
import { appendBlocks, paragraphs } from '../../../shared/documents/rich-text'
import { addRisk, readRisks, readRisksLive, updateRisk } from '../../../shared/documents/risks'
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
