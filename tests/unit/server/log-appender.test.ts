// The embedded append connection behind DocumentStore.append: byte-exact rows the other connection
// reads, all-or-nothing batches, foreign keys, and waiting (not failing, not blocking the event
// loop) while the other connection holds the write lock.
import { afterEach, describe, expect, it } from 'vitest'
import { LogAppender } from '../../../server/storage/log-appender'
import { DocumentStore } from '../../../server/storage/document-store'
import { tempDatabase } from '../../helpers/temp-db'

async function storeWithDocuments(ids: string[]) {
  const database = await tempDatabase()
  const { client, filePath } = database
  await client.execute({ sql: 'INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)', args: ['w1', 'W', 0] })
  for (const id of ids) {
    await client.execute({
      sql: 'INSERT INTO documents (id, workspace_id, kind, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      args: [id, 'w1', 'notes', id, 0, 0],
    })
  }
  const appender = new LogAppender(filePath!, { synchronous: 'NORMAL', autoCheckpoint: true })
  const store = new DocumentStore(client, () => 42, { appender })
  return { database, store, dispose: () => { store.close(); database.dispose() } }
}

const bytes = (...b: number[]) => new Uint8Array(b)

describe('log appender', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => { for (const c of cleanups.splice(0)) c() })

  it('appends rows of several documents that the client connection reads back byte for byte', async () => {
    const { store, dispose } = await storeWithDocuments(['d1', 'd2'])
    cleanups.push(dispose)
    await store.append([{ documentId: 'd1', seq: 1, update: bytes(0, 1, 255) }])
    await store.append([
      { documentId: 'd1', seq: 2, update: bytes(7) },
      { documentId: 'd2', seq: 1, update: bytes(9, 9) },
    ])
    const d1 = await store.load('d1')
    expect(d1.updates).toEqual([{ seq: 1, update: bytes(0, 1, 255) }, { seq: 2, update: bytes(7) }])
    expect(d1.maxSeq).toBe(2)
    expect((await store.load('d2')).updates).toEqual([{ seq: 1, update: bytes(9, 9) }])
  })

  it('stores all rows of a batch or none of them', async () => {
    const { store, dispose } = await storeWithDocuments(['d1'])
    cleanups.push(dispose)
    await store.append([{ documentId: 'd1', seq: 2, update: bytes(2) }])
    // The third row repeats seq 2: the whole batch must be rolled back, and the connection stays usable.
    await expect(store.append([
      { documentId: 'd1', seq: 3, update: bytes(3) },
      { documentId: 'd1', seq: 4, update: bytes(4) },
      { documentId: 'd1', seq: 2, update: bytes(5) },
    ])).rejects.toThrow(/UNIQUE|constraint/i)
    expect((await store.load('d1')).updates.map((u) => u.seq)).toEqual([2])
    await store.append([{ documentId: 'd1', seq: 3, update: bytes(3) }, { documentId: 'd1', seq: 4, update: bytes(4) }])
    expect((await store.load('d1')).updates.map((u) => u.seq)).toEqual([2, 3, 4])
  })

  it('refuses rows of a document that does not exist (foreign keys are on)', async () => {
    const { store, dispose } = await storeWithDocuments(['d1'])
    cleanups.push(dispose)
    await expect(store.append([{ documentId: 'nope', seq: 1, update: bytes(1) }])).rejects.toThrow(/FOREIGN KEY/i)
  })

  it('waits for a write transaction on the other connection instead of failing, without blocking the event loop', async () => {
    const { database, store, dispose } = await storeWithDocuments(['d1'])
    cleanups.push(dispose)
    const tx = await database.client.transaction('write')
    await tx.execute({ sql: 'UPDATE documents SET title = ? WHERE id = ?', args: ['renamed', 'd1'] })
    let appended = false
    const append = Promise.resolve(store.append([{ documentId: 'd1', seq: 1, update: bytes(1) }])).then(() => { appended = true })
    // Timers still fire while the append waits: it retries on later turns rather than sleeping on the lock.
    const ticks = await new Promise<number>((resolve) => {
      let n = 0
      const t = setInterval(() => { if (++n === 5) { clearInterval(t); resolve(n) } }, 1)
    })
    expect(ticks).toBe(5)
    expect(appended).toBe(false)
    await tx.commit()
    await append
    expect((await store.load('d1')).updates.map((u) => u.seq)).toEqual([1])
  })
})
