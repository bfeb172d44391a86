// The board pack of an ended board meeting, through the real server: built from the versions saved
// when the meeting ended, not from the live documents.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { addInitiative, readRoadmap, setInitiativeField } from '../../shared/documents/roadmap'
import { readSummary, setSummaryMeta } from '../../shared/documents/summary'
import { ApiClient, signUp, workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc, type SyncClient } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
const clients: SyncClient[] = []
const open = async (documentId: string, cookie: string) => {
  const c = connectDoc(server.url, documentId, cookie)
  clients.push(c)
  await c.synced()
  return c
}
beforeAll(async () => { server = await startServer() })
afterEach(() => { while (clients.length) clients.pop()!.destroy() })
afterAll(async () => { await server?.dispose() })

async function download(api: ApiClient, path: string) {
  const res = await fetch(server.url + path, { headers: api.cookie ? { cookie: api.cookie } : {} })
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) }
}

async function setup() {
  const ctx = await workspaceWithDocument(server.url, 'roadmap')
  const make = async (kind: string, title: string) => (await ctx.owner.post(`/api/workspaces/${ctx.workspaceId}/documents`, { kind, title })).body.id as string
  return { ...ctx, roadmapId: ctx.documentId, briefId: await make('brief', 'Pillar brief'), summaryId: await make('summary', 'Board summary') }
}

async function boardMeeting(owner: ApiClient, workspaceId: string, agenda: string[]) {
  const res = await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Q3 board', startsAt: '2026-09-15T09:00:00Z', agenda })
  expect(res.status).toBe(201)
  return res.body.id as string
}

describe('board pack', () => {
  it('is built from the versions saved when the meeting ended, for any member, and only then', async () => {
    const { owner, workspaceId, roadmapId, briefId, summaryId, addMember } = await setup()
    const viewer = await addMember('Vera', 'viewer')
    const outsider = await signUp(server.url, 'Oscar Outsider')
    const meetingId = await boardMeeting(owner, workspaceId, [roadmapId, briefId, summaryId])

    const early = await owner.get(`/api/meetings/${meetingId}/board-pack.md`)
    expect(early.status).toBe(409)
    expect(early.body).toEqual({ error: 'the meeting has not ended; its board pack is built from the versions saved when it ends' })
    expect((await viewer.get(`/api/meetings/${meetingId}/board-pack.pdf`)).status).toBe(409)

    // Before the end: an initiative and the summary's quarter, written through sync like the editor does.
    const writer = await open(roadmapId, owner.cookie)
    const watcher = await open(roadmapId, owner.cookie)
    const windowStart = readRoadmap(writer.doc).windowStart
    const added = addInitiative(writer.doc, { title: 'Pre-end data platform', pillar: 'engineering', startMonth: windowStart, endMonth: windowStart, oneOffCost: 120_000, risk: 'high' })
    if (!added.ok) throw new Error(added.error)
    const summary = await open(summaryId, owner.cookie)
    expect(setSummaryMeta(summary.doc, 'quarterLabel', 'Q3 2026').ok).toBe(true)
    const summaryWatcher = await open(summaryId, owner.cookie)
    await waitFor(() => readRoadmap(watcher.doc).initiatives.some((i) => i.title === 'Pre-end data platform'), { message: 'pre-end edit relayed' })
    await waitFor(() => readSummary(summaryWatcher.doc).quarterLabel === 'Q3 2026', { message: 'summary label relayed' })

    expect((await owner.post(`/api/meetings/${meetingId}/end`)).status).toBe(200)

    // After the end the live roadmap moves on; the pack must not.
    expect(setInitiativeField(writer.doc, added.id, 'title', 'Post-end rename').ok).toBe(true)
    addInitiative(writer.doc, { title: 'Post-end initiative', startMonth: windowStart, endMonth: windowStart })
    await waitFor(() => readRoadmap(watcher.doc).initiatives.map((i) => i.title).sort().join() === 'Post-end initiative,Post-end rename', { message: 'post-end edits relayed' })

    const md = await download(owner, `/api/meetings/${meetingId}/board-pack.md`)
    expect(md.status).toBe(200)
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/)
    expect(md.headers.get('content-disposition')).toBe('attachment; filename="board-pack-q3-2026.md"')
    const text = md.body.toString('utf8')
    expect(text).toContain('# Quarterly board pack — 15 Sep 2026')
    expect(text).toContain('Pre-end data platform')
    expect(text).toContain('$120,000')
    expect(text).not.toContain('Post-end')
    expect(text).toContain('| Pillar | Status | Trend | Owner | Reviewed |')

    const pdf = await download(viewer, `/api/meetings/${meetingId}/board-pack.pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="board-pack-q3-2026.pdf"')
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.body.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(2)
    // Same meeting, same bytes.
    expect((await download(owner, `/api/meetings/${meetingId}/board-pack.pdf`)).body.equals(pdf.body)).toBe(true)

    expect((await download(outsider, `/api/meetings/${meetingId}/board-pack.pdf`)).status).toBe(403)
    expect((await outsider.get(`/api/meetings/${meetingId}/board-pack.md`)).status).toBe(403)
    expect((await download(new ApiClient(server.url), `/api/meetings/${meetingId}/board-pack.md`)).status).toBe(401)
    expect((await owner.get('/api/meetings/no-such-meeting/board-pack.md')).status).toBe(404)
  })

  it('leaves out a kind that was not on the agenda, with a note', async () => {
    const { owner, workspaceId, roadmapId } = await setup()
    const meetingId = await boardMeeting(owner, workspaceId, [roadmapId])
    expect((await owner.post(`/api/meetings/${meetingId}/end`)).status).toBe(200)
    const md = await owner.get(`/api/meetings/${meetingId}/board-pack.md`)
    expect(md.status).toBe(200)
    expect(md.body).toContain("No quarterly summary was on this meeting's agenda")
    expect(md.body).toContain("No pillar brief was on this meeting's agenda")
    expect(md.body).toContain('### Totals by quarter')
    const pdf = await download(owner, `/api/meetings/${meetingId}/board-pack.pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })
})
