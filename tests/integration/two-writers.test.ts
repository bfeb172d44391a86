// Two server processes on one database file, started one after the other, both writing to the same
// document through their own clients: nothing is lost and nothing collides, because sequence numbers
// are taken from the database inside each commit. The two do not relay to each other (that is the
// cluster's job), so this checks the database, not cross-instance convergence.
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as schema from '../../server/db/schema'
import { DocumentStore } from '../../server/storage/document-store'
import { workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc, type SyncClient } from '../helpers/sync-client'
import { sleep, waitFor } from '../helpers/wait'

// No compaction during the test: every update stays a row of the log, to be counted.
const tuning = { compactThreshold: 1_000_000 }
let first: TestServer
let second: TestServer
beforeAll(async () => {
  first = await startServer({ tuning, seedDemo: true })
  // The second start finds the database migrated and seeded: both steps must be no-ops.
  second = await startServer({ tuning, seedDemo: true, dbPath: first.dbPath })
}, 120_000) // two starts with the demo seed, on a machine shared with other work
afterAll(async () => {
  await second?.dispose()
  await first?.dispose()
})

describe('two server processes on one database', () => {
  it('store every update of both processes\' clients exactly once, with unique gap-free sequence numbers', async () => {
    const { owner, documentId } = await workspaceWithDocument(first.url)
    const servers = [first, second]
    const clients: { server: TestServer; client: SyncClient; sent: Uint8Array[]; markers: string[] }[] = []
    for (let i = 0; i < 6; i++) {
      const server = servers[i % 2]
      const client = connectDoc(server.url, documentId, owner.cookie)
      const sent: Uint8Array[] = []
      // The stock provider sends each local update as it is, so these bytes are what the server stores.
      client.doc.on('update', (update: Uint8Array, origin: unknown) => { if (origin !== client.provider) sent.push(update) })
      clients.push({ server, client, sent, markers: [] })
    }
    await Promise.all(clients.map((c) => c.client.synced()))

    await Promise.all(clients.map(async (c, i) => {
      for (let n = 0; n < 40; n++) {
        const text = c.client.doc.getText('t')
        const marker = `[${i}:${n}]`
        // Between two markers (never inside one, which would split it).
        const boundaries = [0, ...[...text.toString().matchAll(/\]/g)].map((m) => m.index + 1)]
        text.insert(boundaries[Math.floor(Math.random() * boundaries.length)], marker)
        c.markers.push(marker)
        await sleep(Math.random() * 10)
      }
    }))
    // Clients of one process converge through it (relayed means committed): then all is stored.
    for (const server of servers) {
      const mine = clients.filter((c) => c.server === server)
      const markers = mine.flatMap((c) => c.markers)
      await waitFor(() => mine.every((c) => {
        const text = c.client.doc.getText('t').toString()
        return markers.every((m) => text.includes(m))
      }), { message: `clients of ${server.url} converge: ${mine.map((c) => markers.filter((m) => !c.client.doc.getText('t').toString().includes(m)).length).join(',')} missing; ${mine.map((c) => c.client.provider.wsconnected + '/' + c.client.closes.map((x) => x.code).join('+')).join(' ')}` })
    }

    const db = createClient({ url: `file:${first.dbPath}` })
    try {
      const rows = (await db.execute({ sql: 'SELECT seq, "update" FROM document_updates WHERE document_id = ? ORDER BY seq', args: [documentId] })).rows
      const seqs = rows.map((r) => Number(r.seq))
      expect(seqs).toEqual(seqs.map((_, i) => i + 1)) // unique and without gaps
      const counter = (await db.execute({ sql: 'SELECT last_seq FROM document_seq WHERE document_id = ?', args: [documentId] })).rows[0]
      expect(Number(counter.last_seq)).toBe(seqs.length)
      const stored = new Map<string, number>()
      for (const r of rows) {
        const key = Buffer.from(r.update as ArrayBuffer).toString('base64')
        stored.set(key, (stored.get(key) ?? 0) + 1)
      }
      for (const [i, c] of clients.entries()) {
        expect(c.sent.length).toBeGreaterThanOrEqual(40)
        for (const update of c.sent) expect(stored.get(Buffer.from(update).toString('base64')), `an update of client ${i}`).toBe(1)
      }

      // A fresh load from the database has every client's content, each marker once.
      const loaded = await new DocumentStore(drizzle(db, { schema })).load(documentId)
      const doc = new Y.Doc()
      if (loaded.state) Y.applyUpdate(doc, loaded.state)
      for (const u of loaded.updates) Y.applyUpdate(doc, u.update)
      const text = doc.getText('t').toString()
      for (const marker of clients.flatMap((c) => c.markers)) expect(text.split(marker).length - 1, marker).toBe(1)
    } finally {
      db.close()
      clients.forEach((c) => c.client.destroy())
    }
    for (const server of servers) expect(server.output()).not.toMatch(/commit failed|SQLITE_BUSY/)
  })
})
