// A seeded random run: clients make random edits through the real server with random disconnects
// and one server restart; all converge to the same state as the stored document. The seed is
// printed on failure (set QUORUM_SEED to replay one).
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc, type SyncClient } from '../helpers/sync-client'
import { sleep, waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer({ tuning: { compactThreshold: 50 } }) })
afterAll(async () => { await server?.dispose() })

/** mulberry32: a small, well-known seeded generator. */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('seeded random editing with disconnects and a restart', () => {
  const seed = Number(process.env.QUORUM_SEED ?? Date.now() % 1_000_000)

  it(`converges to the stored document (seed ${seed})`, async () => {
    const rand = random(seed)
    try {
      const { owner, documentId } = await workspaceWithDocument(server.url)
      const clients: SyncClient[] = Array.from({ length: 5 }, () => connectDoc(server.url, documentId, owner.cookie))
      await Promise.all(clients.map((c) => c.synced()))
      const restartAt = 120 + Math.floor(rand() * 80)
      for (let step = 0; step < 300; step++) {
        const c = clients[Math.floor(rand() * clients.length)]
        const text = c.doc.getText('t')
        const map = c.doc.getMap('m')
        const r = rand()
        if (r < 0.55) text.insert(Math.floor(rand() * (text.length + 1)), String.fromCharCode(97 + Math.floor(rand() * 26)).repeat(1 + Math.floor(rand() * 3)))
        else if (r < 0.75 && text.length > 0) { const at = Math.floor(rand() * text.length); text.delete(at, Math.min(1 + Math.floor(rand() * 3), text.length - at)) }
        else if (r < 0.9) map.set(`k${Math.floor(rand() * 8)}`, Math.floor(rand() * 1000))
        else if (c.provider.shouldConnect) c.provider.disconnect()
        else c.provider.connect()
        if (step === restartAt) server = await server.restart()
        if (rand() < 0.2) await sleep(Math.floor(rand() * 15))
      }
      clients.forEach((c) => { if (!c.provider.shouldConnect) c.provider.connect() })
      // Map key order is each replica's insertion order, so compare entries sorted.
      const entries = (d: Y.Doc) => JSON.stringify(Object.entries(d.getMap('m').toJSON()).sort(([x], [y]) => x.localeCompare(y)))
      const same = (a: Y.Doc, b: Y.Doc) => a.getText('t').toString() === b.getText('t').toString() && entries(a) === entries(b)
      await waitFor(() => clients.every((c) => c.provider.synced && same(c.doc, clients[0].doc)), { timeoutMs: 20_000 })
      // Everything any client holds is stored: a restart and a fresh reader agree with them.
      clients.forEach((c) => c.provider.disconnect())
      server = await server.restart()
      const reader = connectDoc(server.url, documentId, owner.cookie)
      await reader.synced()
      expect(same(reader.doc, clients[0].doc)).toBe(true)
      expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(clients[0].doc))
      reader.destroy()
      clients.forEach((c) => c.destroy())
    } catch (err) {
      console.error(`randomized sync test failed with QUORUM_SEED=${seed}`)
      throw err
    }
  })
})
