import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addInitiative, initiativeText, project, readRoadmap, setInitiativeField, template } from '../../../shared/documents/roadmap'
import { addVendor, readVendors, vendorText } from '../../../shared/documents/vendors'
import { pillarText, readBrief, template as briefTemplate } from '../../../shared/documents/brief'
import { addDecision, decisionText, readDecisions } from '../../../shared/documents/decisions'
import { addRisk, readRisks, riskText } from '../../../shared/documents/risks'
import { LIMITS } from '../../../shared/documents/fields'
import { buildRestoreUpdate } from '../../../server/versions/restore'
import { isPlainJson, receiveHostile, replica, syncBoth } from './doc-sync'

function roadmapWithRow(): { doc: Y.Doc; id: string } {
  const doc = new Y.Doc()
  template(doc, { windowStart: '2026-01' })
  const added = addInitiative(doc, { title: 'Data platform', owner: 'Ana' })
  if (!added.ok) throw new Error(added.error)
  return { doc, id: added.id }
}

/** An initiative as documents from before this change hold it: plain strings. */
function legacyRoadmap(): { doc: Y.Doc; id: string } {
  const doc = new Y.Doc()
  template(doc, { windowStart: '2026-01' })
  doc.transact(() => {
    const row = new Y.Map<unknown>()
    doc.getMap('initiatives').set('legacy', row)
    row.set('title', 'Old title')
    row.set('owner', 'Ben')
    row.set('order', 1)
  })
  return { doc, id: 'legacy' }
}

describe('text cells as Y.Text', () => {
  it('new rows hold a Y.Text in every text field, and read as plain strings', () => {
    const { doc, id } = roadmapWithRow()
    const row = doc.getMap('initiatives').get(id) as Y.Map<unknown>
    for (const field of ['title', 'owner', 'riskNote']) expect(row.get(field)).toBeInstanceOf(Y.Text)
    expect(readRoadmap(doc).initiatives[0]).toMatchObject({ title: 'Data platform', owner: 'Ana', riskNote: '', invalid: [] })
    const projection = project(doc)
    expect(projection.initiatives[0].title).toBe('Data platform')
    expect(isPlainJson(projection)).toBe(true)
  })

  it('every kind creates Y.Text cells for new rows', () => {
    const vendors = new Y.Doc()
    const v = addVendor(vendors, { name: 'Acme' })
    const decisions = new Y.Doc()
    const d = addDecision(decisions, { question: 'Build or buy?' })
    const risks = new Y.Doc()
    const r = addRisk(risks, { title: 'Key person' })
    const brief = new Y.Doc()
    briefTemplate(brief)
    if (!v.ok || !d.ok || !r.ok) throw new Error('add failed')
    expect(vendorText(vendors, v.id, 'name')?.toString()).toBe('Acme')
    expect(decisionText(decisions, d.id, 'question')?.toString()).toBe('Build or buy?')
    expect(riskText(risks, r.id, 'title')?.toString()).toBe('Key person')
    expect(pillarText(brief, 'product', 'owner')).toBeInstanceOf(Y.Text)
    expect(readVendors(vendors).vendors[0].name).toBe('Acme')
    expect(readDecisions(decisions).decisions[0].question).toBe('Build or buy?')
    expect(readRisks(risks).risks[0].title).toBe('Key person')
    expect(readBrief(brief).sections[0]).toMatchObject({ owner: '', invalid: [] })
  })

  it('reads legacy plain strings as before and converts them only when asked for writing', () => {
    const { doc, id } = legacyRoadmap()
    expect(readRoadmap(doc).initiatives[0]).toMatchObject({ title: 'Old title', owner: 'Ben', invalid: [] })
    expect(initiativeText(doc, id, 'title')).toBeNull()
    const text = initiativeText(doc, id, 'title', { writable: true })
    expect(text).toBeInstanceOf(Y.Text)
    expect(text?.toString()).toBe('Old title')
    expect(readRoadmap(doc).initiatives[0]).toMatchObject({ title: 'Old title', owner: 'Ben', invalid: [] })
  })

  it('a writer edits an existing Y.Text in place, so concurrent typing in it survives', () => {
    const { doc: a, id } = roadmapWithRow()
    const b = replica(a)
    initiativeText(b, id, 'title')!.insert(0, 'New ')
    expect(setInitiativeField(a, id, 'title', 'Data platform rebuild')).toEqual({ ok: true })
    syncBoth(a, b)
    for (const doc of [a, b]) expect(readRoadmap(doc).initiatives[0].title).toBe('New Data platform rebuild')
  })

  it('two people typing different words into one cell keep both words intact', () => {
    const { doc: a, id } = roadmapWithRow()
    const b = replica(a)
    const ta = initiativeText(a, id, 'title')!
    const tb = initiativeText(b, id, 'title')!
    for (const ch of ' alpha') ta.insert(ta.length, ch)
    for (const ch of ' bravo') tb.insert(tb.length, ch)
    syncBoth(a, b)
    const title = readRoadmap(a).initiatives[0].title
    expect(['Data platform alpha bravo', 'Data platform bravo alpha']).toContain(title)
    expect(readRoadmap(b).initiatives[0].title).toBe(title)
  })

  it('tolerates hostile values: wrong types, rich text, over-long text', () => {
    const doc = receiveHostile((evil) => {
      const rows = evil.getMap('initiatives')
      const wrongType = new Y.Map<unknown>()
      rows.set('a', wrongType)
      wrongType.set('title', 42)
      wrongType.set('owner', new Y.Array())
      const xml = new Y.Map<unknown>()
      rows.set('b', xml)
      xml.set('title', new Y.XmlText('<b>rich</b>'))
      xml.set('owner', new Y.Map())
      const long = new Y.Map<unknown>()
      rows.set('c', long)
      const text = new Y.Text('x'.repeat(LIMITS.title + 50))
      long.set('title', text)
      text.insertEmbed(3, { image: 'evil' })
    })
    const byId = Object.fromEntries(readRoadmap(doc).initiatives.map((i) => [i.id, i]))
    expect(byId.a).toMatchObject({ title: '', owner: '' })
    expect(byId.a.invalid).toEqual(expect.arrayContaining(['title', 'owner']))
    expect(byId.b).toMatchObject({ title: '', owner: '' })
    expect(byId.b.invalid).toEqual(expect.arrayContaining(['title', 'owner']))
    expect(byId.c.title).toBe('x'.repeat(LIMITS.title))
    expect(byId.c.invalid).not.toContain('title')
    expect(isPlainJson(project(doc))).toBe(true)
    // Asked for writing, a damaged value becomes an empty Y.Text; rich text is never bound as a cell.
    expect(initiativeText(doc, 'a', 'title', { writable: true })?.toString()).toBe('')
    expect(initiativeText(doc, 'b', 'title', { writable: true })?.toString()).toBe('')
  })

  it('restore edits a live Y.Text in place, from a Y.Text or an older version\'s plain string', () => {
    const { doc: version, id } = legacyRoadmap()
    const live = replica(version)
    const text = initiativeText(live, id, 'title', { writable: true })!
    text.insert(text.length, ' (edited)')
    const { update } = buildRestoreUpdate(Y.encodeStateAsUpdate(live), Y.encodeStateAsUpdate(version), [{ name: 'initiatives', type: 'map' }])
    Y.applyUpdate(live, update!)
    expect(readRoadmap(live).initiatives[0].title).toBe('Old title')
    expect(initiativeText(live, id, 'title')).toBe(text)
  })
})
