// Loading is all-or-nothing: a failed load caches nothing, so an empty document can never be
// served (and later stored) in place of the real one; the next attempt loads the real content.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { DocumentStore, StoredDocument } from '../../../server/storage/document-store'
import { CommitQueue } from '../../../server/sync/commit-queue'
import { RoomRegistry } from '../../../server/sync/room-registry'

const silent = { warn() {}, error() {} }

function storedText(text: string): StoredDocument {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return { state: Y.encodeStateAsUpdate(doc), stateThrough: 3, updates: [], maxSeq: 3 }
}

describe('room registry loading', () => {
  it('refuses while the store fails, caches nothing, and loads the real document afterwards', async () => {
    let failing = true
    let loads = 0
    const store = {
      async load(): Promise<StoredDocument> {
        loads++
        if (failing) throw new Error('SQLITE_BUSY: database is locked')
        return storedText('the real minutes')
      },
    }
    const registry = new RoomRegistry(store as unknown as DocumentStore, new CommitQueue(store as unknown as DocumentStore), { compactThreshold: 1000, unloadAfterMs: 10, compactionLeaseMs: 30_000, instanceId: 'i1', log: silent })
    await expect(registry.acquire('d1', 'w1')).rejects.toThrow(/SQLITE_BUSY/)
    expect(registry.loaded('d1')).toBeUndefined()
    expect(registry.loadedCount).toBe(0)
    failing = false
    const room = await registry.acquire('d1', 'w1')
    expect(room.doc.getText('t').toString()).toBe('the real minutes')
    expect(room.mergedThrough).toBe(3)
    expect(loads).toBe(2)
  })

  it('shares one load between concurrent connections', async () => {
    let loads = 0
    const store = {
      async load(): Promise<StoredDocument> {
        loads++
        await new Promise((r) => setTimeout(r, 20))
        return storedText('ok')
      },
    }
    const registry = new RoomRegistry(store as unknown as DocumentStore, new CommitQueue(store as unknown as DocumentStore), { compactThreshold: 1000, unloadAfterMs: 10, compactionLeaseMs: 30_000, instanceId: 'i1', log: silent })
    const [a, b] = await Promise.all([registry.acquire('d1', 'w1'), registry.acquire('d1', 'w1')])
    expect(a).toBe(b)
    expect(loads).toBe(1)
    expect(a.doc.getText('t').toString()).toBe('ok')
  })

  it('refuses a document with a stored update Yjs cannot apply as damaged, naming the row, never serving the rest', async () => {
    const good = new Y.Doc()
    good.getText('t').insert(0, 'ok')
    const store = {
      async load(): Promise<StoredDocument> {
        return { state: null, stateThrough: 0, updates: [{ seq: 1, update: new Uint8Array([1, 2, 3, 255]) }, { seq: 2, update: Y.encodeStateAsUpdate(good) }], maxSeq: 2 }
      },
    }
    const registry = new RoomRegistry(store as unknown as DocumentStore, new CommitQueue(store as unknown as DocumentStore), { compactThreshold: 1000, unloadAfterMs: 10, compactionLeaseMs: 30_000, instanceId: 'i1', log: silent })
    await expect(registry.acquire('d1', 'w1')).rejects.toThrow(/damaged.*update log row 1 cannot be read/)
    expect(registry.loaded('d1')).toBeUndefined()
  })
})

describe('room registry compaction', () => {
  function setup(compactThreshold: number) {
    const compactions: number[] = []
    const store = {
      async load(): Promise<StoredDocument> { return { state: null, stateThrough: 0, updates: [], maxSeq: 0 } },
      last: 0,
      async append(rows: unknown[]) { return rows.map(() => ({ seq: ++this.last, alongside: [] })) },
      async claimCompaction() { return true },
      async compact(_id: string, _state: Uint8Array, throughSeq: number) { compactions.push(throughSeq); return true },
    }
    const registry = new RoomRegistry(store as unknown as DocumentStore, new CommitQueue(store as unknown as DocumentStore),
      { compactThreshold, compactWhenQuietMs: 60, unloadAfterMs: 60_000, compactionLeaseMs: 30_000, instanceId: 'i1', log: silent })
    return { registry, compactions }
  }
  const conn = (id: number) => ({
    id, user: { id: `u${id}`, name: 'U', email: 'u@x' }, sessionId: 's', role: 'editor', canWrite: true,
    awarenessClientIds: new Set<number>(), isOpen: () => true, send() {}, close() {},
  }) as never
  const edit = (text: string) => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, text)
    const update = Y.encodeStateAsUpdate(doc)
    return Uint8Array.from([0, 2, update.length, ...update])
  }
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

  it('compacts a room past the threshold only once it has been quiet, with every row it had', async () => {
    const { registry, compactions } = setup(5)
    const room = await registry.acquire('d1', 'w1')
    const a = conn(1)
    registry.join(room, a)
    for (let i = 0; i < 12; i++) {
      room.receive(a, edit(`e${i}`))
      await sleep(15) // typing: never 60 ms without a row
    }
    expect(compactions).toEqual([])
    await sleep(150)
    expect(compactions).toEqual([12])
    expect(room.logRows).toBe(0)
  })

  it('compacts at once when the log reaches 4× the threshold, quiet or not', async () => {
    const { registry, compactions } = setup(5)
    const room = await registry.acquire('d1', 'w1')
    const a = conn(1)
    registry.join(room, a)
    for (let i = 0; i < 20; i++) {
      room.receive(a, edit(`e${i}`))
      await sleep(5)
    }
    expect(compactions).toEqual([20])
  })
})
