// Two instances sharing one database file and one Redis, clients on both: edits on either reach
// everyone, a Redis outage is repaired from the database when it returns, and kill -9 of one
// instance loses nothing any client had received.
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/close-codes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as schema from '../../server/db/schema'
import { DocumentStore } from '../../server/storage/document-store'
import { addInitiative, readRoadmap } from '../../shared/documents/roadmap'
import { ApiClient, workspaceWithDocument } from '../helpers/api'
import { redisReady, startCluster, type TestCluster } from '../helpers/cluster'
import { connectDoc, type SyncClient } from '../helpers/sync-client'
import { sleep, waitFor } from '../helpers/wait'

let cluster: TestCluster
// No periodic catch-up during these tests: Redis's return (and the gaps) must repair on their own.
beforeAll(async () => { cluster = await startCluster({ tuning: { catchUpSweepMs: 600_000 } }) }, 120_000)
afterAll(async () => { await cluster?.dispose() })

const textOf = (c: SyncClient) => c.doc.getText('t').toString()
/** A client for another instance with the caller's cookie (and that instance's own Origin). */
const on = (url: string, cookie: string) => Object.assign(new ApiClient(url), { cookie })

/** Each client inserts numbered markers between the others' (never inside one) until `stop()`. */
function typeMarkers(clients: SyncClient[], prefix: string) {
  const markers: string[] = []
  let typing = true
  const done = Promise.all(clients.map(async (c, i) => {
    for (let n = 0; typing; n++) {
      const text = c.doc.getText('t')
      const boundaries = [0, ...[...text.toString().matchAll(/\]/g)].map((m) => m.index + 1)]
      const marker = `[${prefix}${i}:${n}]`
      text.insert(boundaries[Math.floor(Math.random() * boundaries.length)], marker)
      markers.push(marker)
      await sleep(10 + Math.random() * 20) // typing pace, not synchronisation
    }
  }))
  return { markers, stop: async () => { typing = false; await done } }
}

/** The document as the database holds it: state plus log. */
async function storedDoc(dbPath: string, documentId: string): Promise<Y.Doc> {
  const db = createClient({ url: `file:${dbPath}` })
  try {
    const stored = await new DocumentStore(drizzle(db, { schema })).load(documentId)
    const doc = new Y.Doc()
    if (stored.state) Y.applyUpdate(doc, stored.state)
    for (const u of stored.updates) Y.applyUpdate(doc, u.update)
    return doc
  } finally {
    db.close()
  }
}

/** True if `a` holds everything `b` holds. */
function covers(a: Y.Doc, b: Y.Doc): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(a))
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(b))) if ((have.get(client) ?? 0) < clock) return false
  return true
}

function allConverged(clients: SyncClient[], markers: string[]): boolean {
  const first = textOf(clients[0])
  return clients.every((c) => textOf(c) === first) && markers.every((m) => first.includes(m))
}

describe('several instances: the edit path', () => {
  it('clients on both instances edit one document and converge; a fresh client on each sees the same', async () => {
    const [a, b] = cluster.servers
    const { owner, documentId } = await workspaceWithDocument(a.url)
    const clients = [a, b, a, b, a, b].map((s) => connectDoc(s.url, documentId, owner.cookie))
    await Promise.all(clients.map((c) => c.synced()))
    const storm = typeMarkers(clients, '')
    await sleep(1500)
    await storm.stop()
    await waitFor(() => allConverged(clients, storm.markers), {
      message: `converge: ${clients.map((c) => storm.markers.filter((m) => !textOf(c).includes(m)).length).join(',')} missing`,
    })
    const fresh = [a, b].map((s) => connectDoc(s.url, documentId, owner.cookie))
    await Promise.all(fresh.map((c) => c.synced()))
    for (const c of fresh) expect(textOf(c)).toBe(textOf(clients[0]))
    // Stored once each: every marker exactly once in the database's copy.
    const stored = (await storedDoc(cluster.dbPath, documentId)).getText('t').toString()
    for (const m of storm.markers) expect(stored.split(m).length - 1, m).toBe(1)
    ;[...clients, ...fresh].forEach((c) => c.destroy())
  })

  it('Redis stopped for a few seconds during edits: every copy converges within 2 s of its return', async () => {
    const [a, b] = cluster.servers
    const { owner, documentId } = await workspaceWithDocument(a.url)
    const clients = [a, b, a, b].map((s) => connectDoc(s.url, documentId, owner.cookie))
    await Promise.all(clients.map((c) => c.synced()))
    const before = typeMarkers(clients, 'r')
    await sleep(500)
    await before.stop()
    await cluster.redis.stop()
    // A's clients go on editing while Redis is away. B commits nothing meanwhile, so no gap in its
    // sequence numbers can tell it of A's rows: only Redis's return can.
    const during = typeMarkers([clients[0], clients[2]], 'd')
    await sleep(2500)
    await during.stop()
    await waitFor(() => textOf(clients[0]) === textOf(clients[2]), { message: 'A relays to its own clients without Redis' })
    const lastOnA = during.markers.at(-1)!
    expect(textOf(clients[1])).not.toContain(lastOnA)
    expect(textOf(clients[3])).not.toContain(lastOnA)

    await cluster.redis.start()
    const back = Date.now()
    const markers = [...before.markers, ...during.markers]
    await waitFor(() => allConverged(clients, markers), {
      timeoutMs: 2000,
      message: `converge after Redis returned: ${clients.map((c) => markers.filter((m) => !textOf(c).includes(m)).length).join(',')} missing`,
    })
    expect(Date.now() - back).toBeLessThan(2000)
    for (const s of [a, b]) await redisReady(s)
    clients.forEach((c) => c.destroy())
  })

  it('a server-side change reads every committed update first: a version saved through B includes an edit just made on A, even with Redis down', async () => {
    const [a, b] = cluster.servers
    const { owner, documentId } = await workspaceWithDocument(a.url)
    const onA = connectDoc(a.url, documentId, owner.cookie)
    const witnessA = connectDoc(a.url, documentId, owner.cookie)
    const onB = connectDoc(b.url, documentId, owner.cookie)
    await Promise.all([onA, witnessA, onB].map((c) => c.synced()))
    // B can hear of the edit only from the database.
    await cluster.redis.stop()
    onA.doc.getText('t').insert(0, '[edit on A]')
    await waitFor(() => textOf(witnessA) === '[edit on A]', { message: 'relayed on A, so committed' })
    expect(textOf(onB)).toBe('')

    const saved = await new ApiClient(b.url).request('POST', `/api/documents/${documentId}/versions`, { label: 'through B' }, { cookie: owner.cookie })
    expect(saved.status).toBe(201)
    const res = await fetch(`${b.url}/api/documents/${documentId}/versions/${saved.body.version.version}?format=yjs`, { headers: { cookie: owner.cookie } })
    expect(res.status).toBe(200)
    const version = new Y.Doc()
    Y.applyUpdate(version, new Uint8Array(await res.arrayBuffer()))
    expect(version.getText('t').toString()).toBe('[edit on A]')
    // Caught up, B relayed it to its own client too.
    await waitFor(() => textOf(onB) === '[edit on A]', { message: 'B relays what it caught up' })

    await cluster.redis.start()
    for (const s of [a, b]) await redisReady(s)
    ;[onA, witnessA, onB].forEach((c) => c.destroy())
  })

  it('ending a meeting through B includes an edit made on A just before, even with Redis down', async () => {
    const [a, b] = cluster.servers
    const { owner, workspaceId, documentId } = await workspaceWithDocument(a.url)
    const meeting = await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Board', startsAt: '2026-09-15T09:00:00Z', agenda: [documentId] })
    expect(meeting.status).toBe(201)
    const onA = connectDoc(a.url, documentId, owner.cookie)
    const witnessA = connectDoc(a.url, documentId, owner.cookie)
    const onB = connectDoc(b.url, documentId, owner.cookie)
    await Promise.all([onA, witnessA, onB].map((c) => c.synced()))
    // B can hear of the edit only from the database.
    await cluster.redis.stop()
    onA.doc.getText('t').insert(0, '[decided on A]')
    await waitFor(() => textOf(witnessA) === '[decided on A]', { message: 'relayed on A, so committed' })
    expect(textOf(onB)).toBe('')

    const ended = await on(b.url, owner.cookie).post(`/api/meetings/${meeting.body.id}/end`)
    expect(ended.status).toBe(200)
    const saved = ended.body.versions.find((v: { documentId: string }) => v.documentId === documentId)
    expect(saved).toBeDefined()
    const res = await fetch(`${b.url}/api/documents/${documentId}/versions/${saved.version}?format=yjs`, { headers: { cookie: owner.cookie } })
    expect(res.status).toBe(200)
    const version = new Y.Doc()
    Y.applyUpdate(version, new Uint8Array(await res.arrayBuffer()))
    expect(version.getText('t').toString()).toBe('[decided on A]')

    await cluster.redis.start()
    for (const s of [a, b]) await redisReady(s)
    ;[onA, witnessA, onB].forEach((c) => c.destroy())
  })

  it('a restore through B reaches the clients on A exactly, built on an edit made on A just before with Redis down', async () => {
    const [a, b] = cluster.servers
    const { owner, documentId } = await workspaceWithDocument(a.url, 'roadmap')
    const onA = connectDoc(a.url, documentId, owner.cookie)
    const onB = connectDoc(b.url, documentId, owner.cookie)
    await Promise.all([onA.synced(), onB.synced()])
    const ws = readRoadmap(onA.doc).windowStart!
    addInitiative(onA.doc, { title: 'Kept', startMonth: ws, endMonth: ws })
    await waitFor(() => readRoadmap(onB.doc).initiatives.length === 1, { message: 'the edit reaches B' })
    const saved = await on(b.url, owner.cookie).post(`/api/documents/${documentId}/versions`, { label: 'one initiative' })
    expect(saved.status).toBe(201)
    // B can hear of the next edit only from the database: the restore must read it first.
    await cluster.redis.stop()
    addInitiative(onA.doc, { title: 'Undone by the restore', startMonth: ws, endMonth: ws })
    const witness = connectDoc(a.url, documentId, owner.cookie)
    await waitFor(() => readRoadmap(witness.doc).initiatives.length === 2, { message: 'committed on A' })
    const restored = await on(b.url, owner.cookie).post(`/api/documents/${documentId}/restore`, { version: saved.body.version.version })
    expect(restored.status).toBe(200)
    await cluster.redis.start()
    const titles = (c: SyncClient) => readRoadmap(c.doc).initiatives.map((i) => i.title)
    await waitFor(() => [onA, witness, onB].every((c) => JSON.stringify(titles(c)) === JSON.stringify(['Kept'])),
      { message: `restored everywhere: ${[onA, witness, onB].map((c) => titles(c).join('+')).join(' / ')}` })
    for (const s of [a, b]) await redisReady(s)
    ;[onA, onB, witness].forEach((c) => c.destroy())
  })

  it('a restore through B over 20,000 nested elements (stored before the limits): A does not apply its deletion, its clients reopen the document', async () => {
    const [a, b] = cluster.servers
    const { owner, documentId } = await workspaceWithDocument(a.url, 'notes')
    expect((await on(a.url, owner.cookie).post(`/api/documents/${documentId}/versions`, { label: 'clean' })).status).toBe(201)
    const onA = connectDoc(a.url, documentId, owner.cookie)
    await onA.synced()
    // The vandal's update, written into the log as a server without the depth limit stored it.
    const vandal = new Y.Doc()
    vandal.transact(() => {
      let parent: Y.XmlFragment = vandal.getXmlFragment('body')
      for (let i = 0; i < 20_000; i++) {
        const child = new Y.XmlElement('blockquote')
        parent.insert(0, [child])
        parent = child
      }
    })
    const db = createClient({ url: `file:${cluster.dbPath}` })
    const counter = await db.execute({
      sql: `SELECT max(coalesce((SELECT last_seq FROM document_seq WHERE document_id = ?1), 0),
              coalesce((SELECT through_seq FROM document_states WHERE document_id = ?1), 0)) AS last`,
      args: [documentId],
    })
    const seq = Number(counter.rows[0].last) + 1
    await db.batch([
      { sql: 'INSERT INTO document_updates (document_id, seq, "update", created_at) VALUES (?, ?, ?, ?)', args: [documentId, seq, Y.encodeStateAsUpdate(vandal), Date.now()] },
      { sql: 'INSERT INTO document_seq (document_id, last_seq) VALUES (?1, ?2) ON CONFLICT (document_id) DO UPDATE SET last_seq = ?2', args: [documentId, seq] },
    ], 'write')
    db.close()
    // A saves a version: it reads the log first, so its room (and its client) now hold the nesting.
    expect((await on(a.url, owner.cookie).post(`/api/documents/${documentId}/versions`, { label: 'vandalised' })).status).toBe(201)
    const nested = (c: SyncClient) => c.doc.getXmlFragment('body').toArray().some((n) => n instanceof Y.XmlElement && n.nodeName === 'blockquote')
    await waitFor(() => nested(onA), { message: 'A relays the nesting' })

    const restored = await on(b.url, owner.cookie).post(`/api/documents/${documentId}/restore`, { version: 1 })
    expect(restored.status).toBe(200)
    await waitFor(() => onA.closes.some((c) => c.code === CloseCode.documentReplaced), { message: 'A tells its client to reopen' })
    onA.destroy()
    for (const s of [a, b]) {
      const fresh = connectDoc(s.url, documentId, owner.cookie)
      await fresh.synced()
      expect(nested(fresh), s.url).toBe(false)
      fresh.destroy()
    }
  }, 60_000)

  it('kill -9 of one instance during a 20-client storm: nothing any client had received is lost; its clients move to the other and converge; restarted, it catches up', async () => {
    const [a, b] = cluster.servers
    const { owner, documentId } = await workspaceWithDocument(b.url)
    const clients: SyncClient[] = []
    const received: Y.Doc[] = []
    for (let i = 0; i < 20; i++) {
      const c = connectDoc((i % 2 ? b : a).url, documentId, owner.cookie)
      const seen = new Y.Doc()
      // Only what came from a server: that was relayed, so it must be in the database.
      c.doc.on('update', (update: Uint8Array, origin: unknown) => { if (origin === c.provider) Y.applyUpdate(seen, update) })
      clients.push(c)
      received.push(seen)
    }
    await Promise.all(clients.map((c) => c.synced()))
    const storm = typeMarkers(clients, 'k')
    await sleep(1500)
    await a.kill('SIGKILL')
    const frozen = received.map((d) => { const copy = new Y.Doc(); Y.applyUpdate(copy, Y.encodeStateAsUpdate(d)); return copy })
    await storm.stop()
    expect(frozen.every((d) => d.getText('t').length > 0)).toBe(true)

    const stored = await storedDoc(cluster.dbPath, documentId)
    frozen.forEach((d, i) => expect(covers(stored, d), `client ${i}'s received updates are in the database`).toBe(true))

    // The load balancer's part: A's clients reconnect to B, with what they hold.
    const moved = clients.map((c, i) => {
      if (i % 2) return c
      c.provider.destroy()
      return connectDoc(b.url, documentId, owner.cookie, { doc: c.doc })
    })
    await waitFor(() => allConverged(moved, storm.markers), {
      timeoutMs: 20_000,
      message: `converge on B: ${moved.map((c) => storm.markers.filter((m) => !textOf(c).includes(m)).length).join(',')} missing`,
    })

    cluster.servers[0] = await a.restart()
    await redisReady(cluster.servers[0])
    const late = connectDoc(cluster.servers[0].url, documentId, owner.cookie)
    await late.synced()
    await waitFor(() => textOf(late) === textOf(moved[1]), { message: 'the restarted instance serves the same document' })
    // And it is live again: an edit on it reaches a client on B.
    late.doc.getText('t').insert(0, '[after restart]')
    await waitFor(() => textOf(moved[1]).startsWith('[after restart]'))
    ;[...moved, late].forEach((c) => c.destroy())
  }, 60_000)
})
