// A very large document (20,000 initiatives, the scale issue #17 found blocking the server for
// seconds) can be saved, compared, saved by a meeting's end and restored while another room's edits are still relayed
// promptly: projection, compare and the restore plan run on the document worker, and a restore
// loads the document it leaves (built there) instead of applying its change to the live doc.
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRoadmap } from '../../shared/documents/roadmap'
import { workspaceWithDocument } from '../helpers/api'
import { startRelayProbe } from '../helpers/relay-probe'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

const ROWS = 20_000

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

describe('a very large document', () => {
  it('20,000 initiatives: save, compare, meeting end and a restore that undoes it answer while another room relays under 100 ms', async () => {
    const { owner, workspaceId, documentId } = await workspaceWithDocument(server.url, 'roadmap')
    expect((await owner.post(`/api/documents/${documentId}/versions`, { label: 'small' })).status).toBe(201)

    // Built in this process before anything is timed (row by row, as addInitiative lays them out,
    // without its ordering scan, which is quadratic at this size), then sent as one edit.
    const large = new Y.Doc()
    large.transact(() => {
      const initiatives = large.getMap('initiatives')
      for (let i = 0; i < ROWS; i++) {
        const row = new Y.Map<unknown>()
        initiatives.set(`row-${i}`, row)
        row.set('title', new Y.Text(`Initiative ${i}`))
        row.set('oneOffCost', i)
        row.set('order', i)
        row.set('description', new Y.XmlFragment())
      }
    })
    const writer = connectDoc(server.url, documentId, owner.cookie)
    await writer.synced()
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(large))
    const watcher = connectDoc(server.url, documentId, owner.cookie)
    await waitFor(() => watcher.doc.getMap('initiatives').size >= ROWS, { timeoutMs: 60_000 })
    // The probe runs in this process: nothing here may apply the large document while it times.
    writer.destroy(); watcher.destroy()

    const otherId = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'notes', title: 'Other' })).body.id as string
    const a = connectDoc(server.url, otherId, owner.cookie)
    const b = connectDoc(server.url, otherId, owner.cookie)
    await Promise.all([a.synced(), b.synced()])
    // The document's first search indexing (20,000 rows) runs meanwhile on the worker, in short
    // transactions that let commits through (server/search/search-index.ts).
    // Most relays take a few ms. Save and meeting end read, project and write on the worker; the
    // longest step left on the event loop is loading the restored document (60–170 ms). On a loaded
    // shared test machine (load average ~10 on 2 cores) single relays during save and meeting end
    // still reached 0.6–1.1 s, so: the median under 100 ms and none near the seconds-long stalls of
    // old. Each phase is timed on its own.
    const expectPrompt = (phase: string, delays: number[]) => {
      const sorted = [...delays].sort((x, y) => x - y)
      const figures = `${phase}: ${sorted.length} relays, median ${sorted[sorted.length >> 1].toFixed(0)} ms, longest ${sorted.slice(-3).map(Math.round).join(', ')} ms`
      console.info(figures)
      expect(sorted.length, figures).toBeGreaterThan(5)
      expect(sorted[sorted.length >> 1], figures).toBeLessThan(100)
      expect(sorted[sorted.length - 1], figures).toBeLessThan(1000)
    }

    const saveProbe = startRelayProbe(a, b)
    const saved = await owner.post(`/api/documents/${documentId}/versions`, { label: 'large' })
    expect(saved.status).toBe(201)
    expectPrompt('save', await saveProbe.stop())

    const probe = startRelayProbe(a, b)
    const compared = await owner.get(`/api/documents/${documentId}/compare?from=1&to=2`)
    expect(compared.status).toBe(200)
    expect(compared.body.comparison.initiatives.added).toHaveLength(ROWS)
    expect((await owner.get(`/api/documents/${documentId}/compare?from=2&to=live`)).status).toBe(200)
    expectPrompt('compare', await probe.stop())

    // Ending a meeting whose agenda holds it saves it (and the notes) in one transaction on the worker.
    const meeting = await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Board', startsAt: '2026-09-15T09:00:00Z', agenda: [documentId] })
    expect(meeting.status).toBe(201)
    const endProbe = startRelayProbe(a, b)
    const ended = await owner.post(`/api/meetings/${meeting.body.id}/end`)
    expect(ended.status).toBe(200)
    expect(ended.body.alreadyEnded).toBe(false)
    expectPrompt('meeting end', await endProbe.stop())
    expect(ended.body.versions.map((v: { documentId: string; version: number }) => [v.documentId, v.version]))
      .toEqual(expect.arrayContaining([[documentId, 3], [meeting.body.notesDocumentId, 1]]))
    expect((await owner.get(`/api/documents/${documentId}/versions/3`)).body.projection.initiatives).toHaveLength(ROWS)

    // Restoring the small version undoes it. Applied to the live doc, the change that deletes 20,000
    // rows held the event loop 1.1–1.5 s inside Yjs; the restore now loads the result instead.
    const restoreProbe = startRelayProbe(a, b)
    const restored = await owner.post(`/api/documents/${documentId}/restore`, { version: 1 })
    expect(restored.status).toBe(200)
    expect(restored.body.changed).toBe(true)
    expectPrompt('restore', await restoreProbe.stop())

    // The large version stays readable, and the live document is the small one again.
    const large2 = await owner.get(`/api/documents/${documentId}/versions/2`)
    expect(large2.body.projection.initiatives).toHaveLength(ROWS)
    const reader = connectDoc(server.url, documentId, owner.cookie)
    await reader.synced()
    expect(readRoadmap(reader.doc).initiatives).toHaveLength(0)
    for (const c of [reader, a, b]) c.destroy()
  }, 180_000)
})
