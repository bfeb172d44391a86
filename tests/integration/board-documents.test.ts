// Structured documents through the real server: totals follow a remote cost edit, and a
// hand-crafted client writing an invalid value breaks neither the server nor other readers.
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBrief } from '../../shared/documents/brief'
import { addInitiative, readRoadmap, setInitiativeField } from '../../shared/documents/roadmap'
import { roadmapTotals } from '../../shared/documents/roadmap-totals'
import { workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

const totalsOf = (doc: Y.Doc) => {
  const roadmap = readRoadmap(doc)
  return roadmapTotals(roadmap.initiatives, roadmap.windowStart)
}

describe('board documents through the server', () => {
  it('new documents start from their template: the brief has its eight pillar sections', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url, 'brief')
    const client = connectDoc(server.url, documentId, owner.cookie)
    await client.synced()
    expect(readBrief(client.doc).sections.map((s) => s.label)).toEqual(['Product', 'Project', 'Experience', 'Engineering', 'Quality', 'Operational', 'Security', 'Business'])
    client.destroy()
  })

  it('a cost edited by one client changes the totals a second client reads', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url, 'roadmap')
    const editor = await addMember('Ed', 'editor')
    const a = connectDoc(server.url, documentId, owner.cookie)
    const b = connectDoc(server.url, documentId, editor.cookie)
    await Promise.all([a.synced(), b.synced()])
    const ws = readRoadmap(a.doc).windowStart
    const added = addInitiative(a.doc, { title: 'ERP upgrade', pillar: 'business', startMonth: ws, endMonth: ws, oneOffCost: 120_000, capacity: 6 })
    if (!added.ok) throw new Error(added.error)
    await waitFor(() => totalsOf(b.doc).grand.oneOffCost === 120_000)
    expect(setInitiativeField(a.doc, added.id, 'oneOffCost', 200_000).ok).toBe(true)
    await waitFor(() => totalsOf(b.doc).grand.oneOffCost === 200_000)
    expect(totalsOf(b.doc).pillars.business.oneOffCost).toBe(200_000)
    expect(totalsOf(b.doc).quarters[0].oneOffCost).toBe(200_000)
    a.destroy(); b.destroy()
  })

  it('a hand-crafted client writing a non-numeric cost breaks neither the server nor other readers', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url, 'roadmap')
    const editor = await addMember('Mallory', 'editor')
    const honest = connectDoc(server.url, documentId, owner.cookie)
    const hostile = connectDoc(server.url, documentId, editor.cookie)
    await Promise.all([honest.synced(), hostile.synced()])
    const ws = readRoadmap(honest.doc).windowStart
    const good = addInitiative(honest.doc, { title: 'Good', startMonth: ws, endMonth: ws, oneOffCost: 5000 })
    if (!good.ok) throw new Error(good.error)
    await waitFor(() => readRoadmap(hostile.doc).initiatives.length === 1)
    // Bypass the validated writers, as a hostile client would.
    hostile.doc.transact(() => {
      const rows = hostile.doc.getMap<unknown>('initiatives')
      const row = new Y.Map<unknown>()
      row.set('title', 'Bad')
      row.set('oneOffCost', 'a lot')
      row.set('startMonth', ws)
      row.set('endMonth', ws)
      rows.set('bad-row', row)
      rows.set('not-a-row', 17)
    })
    await waitFor(() => readRoadmap(honest.doc).initiatives.length >= 2)
    const roadmap = readRoadmap(honest.doc)
    const bad = roadmap.initiatives.find((i) => i.title === 'Bad')!
    expect(bad.invalid).toContain('oneOffCost')
    expect(totalsOf(honest.doc).grand.oneOffCost).toBe(5000)
    // The server keeps serving: a version (projection) and a compare still work.
    const v = await owner.post(`/api/documents/${documentId}/versions`, { label: 'with bad row' })
    expect(v.status).toBe(201)
    expect((await owner.get(`/api/documents/${documentId}/compare?from=1&to=live`)).status).toBe(200)
    const late = connectDoc(server.url, documentId, owner.cookie)
    await late.synced()
    expect(readRoadmap(late.doc).initiatives.map((i) => i.title)).toContain('Good')
    honest.destroy(); hostile.destroy(); late.destroy()
  })
})
