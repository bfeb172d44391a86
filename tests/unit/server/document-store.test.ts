// The document store on a real embedded database: sequence numbers come from the database (two
// stores on two connections, as two processes would have, never collide), a commit waits out a
// write lock held elsewhere without blocking the event loop, and compaction deletes only the rows
// it merged.
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from '@libsql/client'
import { openStorageConnection } from '../../../server/db/client'
import { DocumentStore, type Appended } from '../../../server/storage/document-store'
import { tempDatabase } from '../../helpers/temp-db'

const bytes = (...b: number[]) => new Uint8Array(b)

async function setup(native: boolean) {
  const database = await tempDatabase()
  const url = `file:${database.filePath}`
  await database.client.execute({ sql: 'INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)', args: ['w1', 'W', 0] })
  for (const id of ['d1', 'd2']) {
    await database.client.execute({
      sql: 'INSERT INTO documents (id, workspace_id, kind, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      args: [id, 'w1', 'notes', id, 0, 0],
    })
  }
  const stores: DocumentStore[] = []
  const newStore = async () => {
    const conn = await openStorageConnection(database, url)
    const store = new DocumentStore(conn.db, Date.now, conn.close, native ? conn.log : null)
    stores.push(store)
    return store
  }
  return { database, url, newStore, dispose: () => { stores.forEach((s) => s.close()); database.dispose() } }
}

const seqs = async (appended: Promise<Appended[]>) => (await appended).map((a) => a.seq)

// Appends run on the native connection on an embedded file, and as one drizzle batch with a libSQL
// server (or a restore's statements): both are held to the same behaviour here.
describe.each([['native connection', true], ['drizzle batch', false]] as const)('document store, appending through the %s', (_, native) => {
  const cleanups: (() => void)[] = []
  afterEach(() => { for (const c of cleanups.splice(0)) c() })

  it('numbers each document\'s rows from the database, in the order given, across batches and stores', async () => {
    const t = await setup(native)
    cleanups.push(t.dispose)
    const a = await t.newStore()
    const b = await t.newStore() // a second writer on the same file
    expect(await seqs(a.append([{ documentId: 'd1', update: bytes(1) }, { documentId: 'd2', update: bytes(2) }, { documentId: 'd1', update: bytes(3) }]))).toEqual([1, 1, 2])
    expect(await seqs(b.append([{ documentId: 'd1', update: bytes(4) }]))).toEqual([3])
    const [x, y] = await Promise.all([
      seqs(a.append(Array.from({ length: 250 }, (_, i) => ({ documentId: 'd1', update: bytes(5, i % 256) })))),
      seqs(b.append(Array.from({ length: 250 }, (_, i) => ({ documentId: 'd1', update: bytes(6, i % 256) })))),
    ])
    const all = [...x, ...y].sort((p, q) => p - q)
    expect(all).toEqual(Array.from({ length: 500 }, (_, i) => i + 4)) // unique, no gaps
    const loaded = await a.load('d1')
    expect(loaded.updates.map((u) => u.seq)).toEqual(Array.from({ length: 503 }, (_, i) => i + 1))
    expect(loaded.updates[0].update).toEqual(bytes(1))
    expect(loaded.updates[2].update).toEqual(bytes(4))
    expect(loaded.maxSeq).toBe(503)
  })

  it('waits out a write lock held by another connection, with the event loop free, then commits', async () => {
    const t = await setup(native)
    cleanups.push(t.dispose)
    const store = await t.newStore()
    const other = createClient({ url: t.url })
    cleanups.push(() => other.close())
    const tx = await other.transaction('write')
    let committed = false
    const append = seqs(store.append([{ documentId: 'd1', update: bytes(9) }])).then((numbers) => { committed = true; return numbers })
    let turns = 0
    while (turns < 20) { await new Promise((r) => setTimeout(r, 2)); turns++ }
    expect(committed).toBe(false) // retrying, and the loop ran meanwhile
    await tx.rollback()
    tx.close()
    expect(await append).toEqual([1])
  })

  it('compaction replaces rows up to the given seq by the state and keeps every later row', async () => {
    const t = await setup(native)
    cleanups.push(t.dispose)
    const store = await t.newStore()
    await store.append([1, 2, 3, 4, 5].map((n) => ({ documentId: 'd1', update: bytes(n) })))
    expect(await store.claimCompaction('d1', 'me', 60_000)).toBe(true)
    expect(await store.compact('d1', bytes(0, 0), 3, 'me')).toBe(true)
    let loaded = await store.load('d1')
    expect(loaded.state).toEqual(bytes(0, 0))
    expect(loaded.updates.map((u) => u.seq)).toEqual([4, 5])
    expect(loaded.maxSeq).toBe(5)
    // A compaction that covers less than the stored state (a slower writer) does not replace it.
    await store.compact('d1', bytes(7), 2, 'me')
    loaded = await store.load('d1')
    expect(loaded.state).toEqual(bytes(0, 0))
    // Numbering goes on after compacted rows; a fully compacted log keeps its numbers too.
    await store.compact('d1', bytes(0, 1), 5, 'me')
    expect((await store.load('d1')).maxSeq).toBe(5)
    expect(await seqs(store.append([{ documentId: 'd1', update: bytes(6) }]))).toEqual([6])
  })

  it('gives a document\'s compaction lease to one holder at a time, and writes nothing for one without it', async () => {
    const t = await setup(native)
    cleanups.push(t.dispose)
    let now = 1000
    const conns = [await openStorageConnection(t.database, t.url), await openStorageConnection(t.database, t.url)]
    cleanups.push(() => conns.forEach((c) => c.close()))
    const [a, b] = conns.map((c) => new DocumentStore(c.db, () => now, c.close, native ? c.log : null))
    await a.append([1, 2, 3].map((n) => ({ documentId: 'd1', update: bytes(n) })))
    // Two instances ask at once: exactly one gets it; the holder renews it, the other keeps being refused.
    const claims = await Promise.all([a.claimCompaction('d1', 'A', 100), b.claimCompaction('d1', 'B', 100)])
    expect(claims.filter(Boolean)).toHaveLength(1)
    const [holder, holderName, other, otherName] = claims[0] ? [a, 'A', b, 'B'] : [b, 'B', a, 'A']
    expect(await holder.claimCompaction('d1', holderName, 100)).toBe(true)
    expect(await other.claimCompaction('d1', otherName, 100)).toBe(false)
    expect(await other.claimCompaction('d2', otherName, 100)).toBe(true) // per document
    // Without the lease, a compaction changes nothing: the log keeps its rows.
    expect(await other.compact('d1', bytes(0), 3, otherName)).toBe(false)
    expect((await a.load('d1')).updates.map((u) => u.seq)).toEqual([1, 2, 3])
    expect((await a.load('d1')).state).toBeNull()
    // A holder that stops renewing loses it when it expires, and its late compaction then writes nothing.
    now += 100
    expect(await other.claimCompaction('d1', otherName, 100)).toBe(true)
    expect(await holder.compact('d1', bytes(9), 3, holderName)).toBe(false)
    expect(await other.compact('d1', bytes(0, 0), 2, otherName)).toBe(true)
    const loaded = await a.load('d1')
    expect(loaded.state).toEqual(bytes(0, 0))
    expect(loaded.updates.map((u) => u.seq)).toEqual([3])
    expect(await other.storedBytes('d1')).toBe(3)
  })
})
