// Meetings end with versioned snapshots; compare and restore through the real server.
import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { addInitiative, readRoadmap, setInitiativeField } from '../../shared/documents/roadmap'
import { workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc, type SyncClient } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
const clients: SyncClient[] = []
const open = (...args: Parameters<typeof connectDoc>) => {
  const c = connectDoc(...args)
  clients.push(c)
  return c
}
beforeAll(async () => { server = await startServer() })
afterEach(() => { while (clients.length) clients.pop()!.destroy() })
afterAll(async () => { await server?.dispose() })

async function setup() {
  const ctx = await workspaceWithDocument(server.url, 'roadmap')
  const make = async (kind: string, title: string) => (await ctx.owner.post(`/api/workspaces/${ctx.workspaceId}/documents`, { kind, title })).body.id as string
  const briefId = await make('brief', 'Brief')
  const risksId = await make('risks', 'Risks')
  return { ...ctx, roadmapId: ctx.documentId, briefId, risksId }
}

describe('meetings and versions', () => {
  it('ending a meeting saves one version per agenda document and the notes, once', async () => {
    const { owner, workspaceId, roadmapId, briefId, risksId } = await setup()
    const created = await owner.post(`/api/workspaces/${workspaceId}/meetings`, {
      cadence: 'board', title: 'Q3 board', startsAt: '2026-09-15T09:00:00Z', agenda: [roadmapId, briefId, risksId],
    })
    expect(created.status).toBe(201)
    expect(created.body.agenda.map((d: any) => d.id)).toEqual([roadmapId, briefId, risksId])
    const meetingId = created.body.id
    expect((await owner.post(`/api/meetings/${meetingId}/start`)).body.status).toBe('in-progress')

    const ended = await owner.post(`/api/meetings/${meetingId}/end`)
    expect(ended.status).toBe(200)
    expect(ended.body.alreadyEnded).toBe(false)
    const saved = ended.body.versions.map((v: any) => [v.documentId, v.version, v.label])
    expect(saved).toEqual(expect.arrayContaining([
      [roadmapId, 1, 'Q3 2026 board meeting'], [briefId, 1, 'Q3 2026 board meeting'], [risksId, 1, 'Q3 2026 board meeting'],
      [created.body.notesDocumentId, 1, 'Q3 2026 board meeting'],
    ]))
    expect(saved).toHaveLength(4)

    const again = await owner.post(`/api/meetings/${meetingId}/end`)
    expect(again.body.alreadyEnded).toBe(true)
    const list = await owner.get(`/api/documents/${roadmapId}/versions`)
    expect(list.body.versions.map((v: any) => v.version)).toEqual([1])

    // A named version continues the numbering.
    const named = await owner.post(`/api/documents/${roadmapId}/versions`, { label: 'Before the offsite' })
    expect(named.status).toBe(201)
    expect(named.body.version.version).toBe(2)
  })

  it('two ends at once: one ends the meeting and saves each document once, the other saves nothing', async () => {
    const { owner, workspaceId, roadmapId, briefId } = await setup()
    const created = await owner.post(`/api/workspaces/${workspaceId}/meetings`, {
      cadence: 'board', title: 'Board', startsAt: '2026-09-15T09:00:00Z', agenda: [roadmapId, briefId],
    })
    const meetingId = created.body.id
    const ends = await Promise.all([owner.post(`/api/meetings/${meetingId}/end`), owner.post(`/api/meetings/${meetingId}/end`)])
    expect(ends.map((e) => e.status)).toEqual([200, 200])
    expect(ends.map((e) => e.body.alreadyEnded).sort()).toEqual([false, true])
    for (const e of ends) expect(e.body.versions).toHaveLength(3)
    for (const id of [roadmapId, briefId, created.body.notesDocumentId]) {
      expect((await owner.get(`/api/documents/${id}/versions`)).body.versions.map((v: any) => v.version)).toEqual([1])
    }
  })

  it('compares a roadmap version with a cost change and reports the delta', async () => {
    const { owner, roadmapId } = await setup()
    const client = open(server.url, roadmapId, owner.cookie)
    await client.synced()
    const windowStart = readRoadmap(client.doc).windowStart!
    const added = addInitiative(client.doc, { title: 'Data platform', pillar: 'engineering', startMonth: windowStart, endMonth: windowStart, oneOffCost: 100_000, runRateCost: 0, capacity: 10 })
    if (!added.ok) throw new Error(added.error)
    // A second client seeing the row means the server has committed and applied it.
    const witness = open(server.url, roadmapId, owner.cookie)
    await waitFor(() => readRoadmap(witness.doc).initiatives.length === 1)
    expect((await owner.post(`/api/documents/${roadmapId}/versions`, { label: 'before' })).body.version.version).toBe(1)
    const projection = (await owner.get(`/api/documents/${roadmapId}/versions/1`)).body.projection
    expect(projection.initiatives.map((i: any) => i.oneOffCost)).toEqual([100_000])

    expect(setInitiativeField(client.doc, added.id, 'oneOffCost', 150_000).ok).toBe(true)
    await waitFor(async () => {
      const live = await owner.get(`/api/documents/${roadmapId}/compare?from=1&to=live`)
      return live.body.comparison.totals.grand.delta.oneOffCost === 50_000
    })
    await owner.post(`/api/documents/${roadmapId}/versions`, { label: 'after' })
    const cmp = await owner.get(`/api/documents/${roadmapId}/compare?from=1&to=2`)
    expect(cmp.status).toBe(200)
    expect(cmp.body.comparison.totals.grand.delta.oneOffCost).toBe(50_000)
    expect(cmp.body.comparison.totals.pillars.engineering.delta.oneOffCost).toBe(50_000)
    const changed = cmp.body.comparison.initiatives.changed
    expect(changed).toHaveLength(1)
    expect(JSON.stringify(changed[0])).toContain('150000')

    const yjs = await fetch(`${server.url}/api/documents/${roadmapId}/versions/1?format=yjs`, { headers: { cookie: owner.cookie } })
    const restored = new Y.Doc()
    Y.applyUpdate(restored, new Uint8Array(await yjs.arrayBuffer()))
    expect(readRoadmap(restored).initiatives[0].oneOffCost).toBe(100_000)
    expect((await owner.get(`/api/documents/${roadmapId}/compare?from=1&to=99`)).status).toBe(404)
    expect((await owner.get(`/api/documents/${roadmapId}/compare?from=x&to=1`)).status).toBe(400)
  })

  it('restores while another client is connected: it sees the restore and its later edits are kept', async () => {
    const { owner, roadmapId, addMember } = await setup()
    const editor = await addMember('Eddie', 'editor')
    const viewer = await addMember('Vera', 'viewer')
    const a = open(server.url, roadmapId, owner.cookie)
    const b = open(server.url, roadmapId, editor.cookie)
    await Promise.all([a.synced(), b.synced()])
    const ws = readRoadmap(a.doc).windowStart!
    const first = addInitiative(a.doc, { title: 'Keep me', startMonth: ws, endMonth: ws, oneOffCost: 1000 })
    if (!first.ok) throw new Error(first.error)
    await waitFor(() => readRoadmap(b.doc).initiatives.length === 1)
    const v1 = await owner.post(`/api/documents/${roadmapId}/versions`, { label: 'one initiative' })
    expect(v1.body.version.version).toBe(1)

    setInitiativeField(a.doc, first.id, 'title', 'Renamed after v1')
    addInitiative(a.doc, { title: 'Added after v1', startMonth: ws, endMonth: ws })
    await waitFor(() => readRoadmap(b.doc).initiatives.length === 2)

    expect((await viewer.post(`/api/documents/${roadmapId}/restore`, { version: 1 })).status).toBe(403)
    const restore = await owner.post(`/api/documents/${roadmapId}/restore`, { version: 1 })
    expect(restore.status).toBe(200)
    expect(restore.body.version.version).toBe(2)
    expect(restore.body.version.label).toBe('Restored v1')
    await waitFor(() => readRoadmap(b.doc).initiatives.map((i) => i.title).join() === 'Keep me')

    // The connected client keeps editing after the restore, and its edit is kept.
    addInitiative(b.doc, { title: 'After restore', startMonth: ws, endMonth: ws })
    await waitFor(() => readRoadmap(a.doc).initiatives.length === 2)
    const fresh = open(server.url, roadmapId, owner.cookie)
    await fresh.synced()
    expect(readRoadmap(fresh.doc).initiatives.map((i) => i.title).sort()).toEqual(['After restore', 'Keep me'])
    // Nothing earlier is lost: restoring the restore's predecessor is possible, numbers only grow.
    const versions = (await owner.get(`/api/documents/${roadmapId}/versions`)).body.versions.map((v: any) => v.version)
    expect(versions).toEqual([2, 1])
  })

  it('lets viewers read history and compare but not save, start or end', async () => {
    const { owner, workspaceId, roadmapId, addMember } = await setup()
    const viewer = await addMember('Vera', 'viewer')
    await owner.post(`/api/documents/${roadmapId}/versions`, { label: 'v1' })
    expect((await viewer.get(`/api/documents/${roadmapId}/versions`)).status).toBe(200)
    expect((await viewer.get(`/api/documents/${roadmapId}/versions/1`)).status).toBe(200)
    expect((await viewer.get(`/api/documents/${roadmapId}/compare?from=1&to=live`)).status).toBe(200)
    expect((await viewer.post(`/api/documents/${roadmapId}/versions`, { label: 'x' })).status).toBe(403)
    const meeting = await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'weekly', title: '1:1', startsAt: '2026-11-30T10:00:00Z', agenda: [roadmapId] })
    expect((await viewer.post(`/api/meetings/${meeting.body.id}/start`)).status).toBe(403)
    expect((await viewer.post(`/api/meetings/${meeting.body.id}/end`)).status).toBe(403)
    expect((await viewer.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'weekly', title: 'x', startsAt: '2026-11-30T10:00:00Z' })).status).toBe(403)
    expect((await viewer.get(`/api/workspaces/${workspaceId}/meetings`)).body.meetings).toHaveLength(1)
  })
})
