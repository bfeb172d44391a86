// Board pack PDFs render off the event loop and are cached per meeting: three downloads at once do
// not hold up live editing, and the same pack is served from memory the second time (issue #17, item 6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addInitiative, readRoadmap } from '../../shared/documents/roadmap'
import { workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { startRelayProbe } from '../helpers/relay-probe'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

describe('board pack PDF under live editing', () => {
  it('three concurrent downloads keep the relay delay under 500 ms; the PDF is valid; the second download is cached', async () => {
    const { owner, workspaceId, documentId: roadmapId } = await workspaceWithDocument(server.url, 'roadmap')
    const notesId = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'notes', title: 'Live notes' })).body.id as string
    // A large roadmap makes a long pack (several pages of swim lanes and tables).
    const filler = connectDoc(server.url, roadmapId, owner.cookie)
    await filler.synced()
    const windowStart = readRoadmap(filler.doc).windowStart
    filler.doc.transact(() => {
      for (let i = 0; i < 400; i++) addInitiative(filler.doc, { title: `Initiative ${i} with a long descriptive title`, startMonth: windowStart, endMonth: windowStart, oneOffCost: 1000 * i, risk: i % 3 === 0 ? 'high' : 'low', riskNote: 'A note that wraps over a couple of lines in the table of open high-risk initiatives.' })
    })
    const watcher = connectDoc(server.url, roadmapId, owner.cookie)
    await watcher.synced()
    await waitFor(() => readRoadmap(watcher.doc).initiatives.length === 400, { timeoutMs: 20_000 })
    filler.destroy(); watcher.destroy()
    const meeting = await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Load board', startsAt: '2026-09-15T09:00:00Z', agenda: [roadmapId] })
    expect((await owner.post(`/api/meetings/${meeting.body.id}/end`)).status).toBe(200)

    const a = connectDoc(server.url, notesId, owner.cookie)
    const b = connectDoc(server.url, notesId, owner.cookie)
    await Promise.all([a.synced(), b.synced()])
    const probe = startRelayProbe(a, b)
    const download = async () => {
      const res = await fetch(`${server.url}/api/meetings/${meeting.body.id}/board-pack.pdf`, { headers: { cookie: owner.cookie } })
      return { status: res.status, cache: res.headers.get('x-board-pack-cache'), body: Buffer.from(await res.arrayBuffer()) }
    }
    const first = await Promise.all([download(), download(), download()])
    const delays = await probe.stop()
    for (const r of first) {
      expect(r.status).toBe(200)
      expect(r.body.subarray(0, 5).toString()).toBe('%PDF-')
    }
    expect(delays.length).toBeGreaterThan(5)
    expect(Math.max(...delays)).toBeLessThan(500)
    const again = await download()
    expect(again.status).toBe(200)
    expect(again.cache).toBe('hit')
    expect(again.body.equals(first[0].body)).toBe(true)
    a.destroy(); b.destroy()
  }, 120_000)
})
