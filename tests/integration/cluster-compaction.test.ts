// Two instances sharing one database file compact a shared document one at a time (a lease in the
// database): the holder compacts, the other leaves it alone, and takes over once the holder dies and
// its lease expires. Nothing is lost: the stored document is what the clients have.
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as schema from '../../server/db/schema'
import { DocumentStore } from '../../server/storage/document-store'
import { workspaceWithDocument } from '../helpers/api'
import { startCluster, type TestCluster } from '../helpers/cluster'
import type { TestServer } from '../helpers/server'
import { connectDoc, type SyncClient } from '../helpers/sync-client'
import { sleep, waitFor } from '../helpers/wait'

const LEASE_MS = 4000
let cluster: TestCluster
// Compaction every 20 rows (at once past 80), and a lease short enough to see it expire.
beforeAll(async () => { cluster = await startCluster({ tuning: { compactThreshold: 20, compactionLeaseMs: LEASE_MS } }) }, 120_000)
afterAll(async () => { await cluster?.dispose() })

const textOf = (c: SyncClient) => c.doc.getText('t').toString()

interface Health { rooms: { compactions: number; compactionsLeft: number }; cluster: { instanceId: string } }
async function health(s: TestServer): Promise<Health> {
  return (await fetch(`${s.url}/api/health`)).json() as Promise<Health>
}

/** Each client appends numbered markers until `stop()` (at the end, so markers never nest). */
function typeMarkers(clients: SyncClient[], prefix: string) {
  const markers: string[] = []
  let typing = true
  const done = Promise.all(clients.map(async (c, i) => {
    for (let n = 0; typing; n++) {
      const text = c.doc.getText('t')
      const marker = `[${prefix}${i}:${n}]`
      text.insert(text.length, marker)
      markers.push(marker)
      await sleep(5 + Math.random() * 10) // typing pace, not synchronisation
    }
  }))
  return { markers, stop: async () => { typing = false; await done } }
}

/** The document, its log length and its lease as the database holds them. */
async function stored(dbPath: string, documentId: string) {
  const client = createClient({ url: `file:${dbPath}` })
  try {
    const loaded = await new DocumentStore(drizzle(client, { schema })).load(documentId)
    const doc = new Y.Doc()
    if (loaded.state) Y.applyUpdate(doc, loaded.state)
    for (const u of loaded.updates) Y.applyUpdate(doc, u.update)
    const lease = await client.execute({ sql: 'SELECT holder, expires_at FROM compaction_leases WHERE document_id = ?', args: [documentId] })
    return { text: doc.getText('t').toString(), logRows: loaded.updates.length, stateThrough: loaded.stateThrough, holder: lease.rows[0]?.holder, leaseExpiresAt: Number(lease.rows[0]?.expires_at) }
  } finally {
    client.close()
  }
}

function converged(clients: SyncClient[], markers: string[]): boolean {
  const first = textOf(clients[0])
  return clients.every((c) => textOf(c) === first) && markers.every((m) => first.includes(m))
}

describe('several instances: compaction', () => {
  it('one instance holds a document\'s compaction lease, the other leaves it alone and takes over when the holder dies; nothing is lost', async () => {
    const { owner, documentId } = await workspaceWithDocument(cluster.servers[0].url)
    const clients = [0, 1, 0, 1, 0, 1].map((i) => connectDoc(cluster.servers[i].url, documentId, owner.cookie))
    await Promise.all(clients.map((c) => c.synced()))

    // Both instances see the log pass the threshold many times over; one compacts, one is refused.
    const storm = typeMarkers(clients, '')
    const roles = await waitFor(async () => {
      const h = await Promise.all(cluster.servers.map(health))
      const holder = h.findIndex((x) => x.rooms.compactions >= 2)
      return holder >= 0 && h[1 - holder].rooms.compactionsLeft >= 2 ? { holder, other: 1 - holder, h } : null
    }, { timeoutMs: 20_000, message: 'one instance compacts while the other is refused' })
    await storm.stop()
    await waitFor(() => converged(clients, storm.markers), { message: 'converge' })
    const after = await Promise.all(cluster.servers.map(health))
    expect(after[roles.other].rooms.compactions).toBe(0)
    let db = await stored(cluster.dbPath, documentId)
    expect(db.holder).toBe(after[roles.holder].cluster.instanceId)
    expect(db.stateThrough).toBeGreaterThan(0)
    expect(db.logRows).toBeLessThan(storm.markers.length) // rows were merged away…
    expect(db.text).toBe(textOf(clients[0])) // …and none lost

    // The holder dies: its clients move to the other instance, which compacts once the lease expires.
    const [holder, other] = [cluster.servers[roles.holder], cluster.servers[roles.other]]
    await holder.kill('SIGKILL')
    const expiredAt = (await stored(cluster.dbPath, documentId)).leaseExpiresAt
    const moved = clients.map((c, i) => {
      if (i % 2 === roles.other) return c
      c.provider.destroy()
      return connectDoc(other.url, documentId, owner.cookie, { doc: c.doc })
    })
    await Promise.all(moved.map((c) => c.synced()))
    const more = typeMarkers(moved, 'm')
    await waitFor(async () => (await health(other)).rooms.compactions >= 1, { timeoutMs: LEASE_MS + 15_000, message: 'the other instance takes the lease over' })
    await more.stop()
    const markers = [...storm.markers, ...more.markers]
    await waitFor(() => converged(moved, markers), { message: 'converge on the other instance' })
    db = await stored(cluster.dbPath, documentId)
    expect(db.holder).toBe(after[roles.other].cluster.instanceId)
    // Taken (lease renewed, so this is its latest renewal) no earlier than the dead holder's lease ran out.
    expect(db.leaseExpiresAt - LEASE_MS).toBeGreaterThanOrEqual(expiredAt)
    expect(db.text).toBe(textOf(moved[0]))
    for (const m of markers) expect(db.text.split(m).length - 1, m).toBe(1)

    cluster.servers[roles.holder] = await holder.restart()
    moved.forEach((c) => c.destroy())
  }, 90_000)
})
