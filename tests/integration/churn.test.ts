// A flood of connect/disconnect cycles across many documents: every room unloads afterwards and
// memory returns near its baseline (no leaked documents, connections or timers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { openRawSocket } from '../helpers/raw-socket'
import { startServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => {
  server = await startServer({ tuning: { unloadAfterMs: 100 }, env: { NODE_OPTIONS: '--expose-gc' } })
})
afterAll(async () => { await server?.dispose() })

const health = async () => (await (await fetch(`${server.url}/api/health?gc=1`)).json()) as { loadedDocuments: number; memory: { heapUsedBytes: number }; rooms: { loads: number; unloads: number } }

describe('connection churn', () => {
  it('1,000 connect/disconnect cycles over 200 documents leave nothing loaded and memory near baseline', async () => {
    const { owner, workspaceId } = await workspaceWithDocument(server.url)
    const ids: string[] = []
    for (let i = 0; i < 200; i++) ids.push((await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'notes', title: `Doc ${i}` })).body.id)
    // Warm up: one cycle per document, then take the baseline once everything has unloaded.
    const cycle = async (id: string) => {
      const raw = await openRawSocket(server.url, id, owner.cookie)
      await waitFor(() => raw.frames.length > 0)
      raw.ws.close()
      await raw.closed
    }
    for (let i = 0; i < 200; i += 20) await Promise.all(ids.slice(i, i + 20).map(cycle))
    await waitFor(async () => (await health()).loadedDocuments === 0, { timeoutMs: 15_000 })
    const baseline = (await health()).memory.heapUsedBytes

    for (let round = 0; round < 50; round++) {
      await Promise.all(Array.from({ length: 20 }, (_, k) => cycle(ids[(round * 20 + k) % ids.length])))
    }
    const during = await health()
    expect(during.rooms.loads).toBeGreaterThanOrEqual(200)
    await waitFor(async () => (await health()).loadedDocuments === 0, { timeoutMs: 15_000, message: 'every room unloads' })
    const after = await health()
    expect(after.rooms.unloads).toBe(after.rooms.loads)
    expect(after.memory.heapUsedBytes - baseline).toBeLessThan(20 * 1024 * 1024)
  }, 120_000)
})
