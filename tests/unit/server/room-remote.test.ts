// Rows another instance committed reach a room two ways: published through Redis (applyRemote) or
// read back from the database (applyStored). Either way they are applied and relayed to every
// connection here, never stored again, and the room knows which seqs it holds, so a gap (a lost
// message) shows and closes once the rows are read back, also across a compaction elsewhere.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { decodeDocumentMessage, documentChannel, documentOfChannel, encodeDocumentMessage } from '../../../server/cluster/fanout-message'
import type { DocumentStore } from '../../../server/storage/document-store'
import { CommitQueue } from '../../../server/sync/commit-queue'
import type { Connection } from '../../../server/sync/connection'
import { AwarenessRegistry } from '../../../server/sync/awareness-registry'
import { decodeAwarenessUpdate, decodeClientMessage, encodeAwarenessUpdate } from '../../../server/sync/protocol'
import { Room } from '../../../server/sync/room'

function fakeConnection(id: number): Connection & { sent: Uint8Array[] } {
  const conn = {
    id, user: { id: `u${id}`, name: `User ${id}`, email: `u${id}@x` }, sessionId: `s${id}`, role: 'editor',
    canWrite: true, awarenessClientIds: new Set<number>(), sent: [] as Uint8Array[],
    isOpen: () => true, send(f: Uint8Array) { conn.sent.push(f) }, close() {},
  }
  return conn as never
}

/** An update written by a doc of its own that builds on `base` (so it depends on it). */
function edit(base: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(base)
  base.getText('t').insert(base.getText('t').length, text)
  return Y.encodeStateAsUpdate(base, before)
}

function setup(maxSeq = 0) {
  const store = { append: async () => { throw new Error('a remote row must never be stored here') } }
  const commits = new CommitQueue(store as unknown as DocumentStore)
  const enqueue = commits.enqueue.bind(commits)
  let enqueued = 0
  commits.enqueue = (item) => { enqueued++; enqueue(item) }
  const room = new Room('d1', 'w1', new Y.Doc(), { maxSeq, logRows: 0, storedBytes: 0 }, commits, { onEmpty() {}, onLogGrown() {}, onProtocolError() {}, onBroken() {} })
  const conn = fakeConnection(1)
  room.join(conn)
  conn.sent.length = 0
  return { room, conn, enqueued: () => enqueued }
}

const relayedUpdates = (conn: { sent: Uint8Array[] }) => conn.sent.map((f) => decodeClientMessage(f)).filter((m) => m.type === 'update')

describe('rows committed by another instance', () => {
  it('are applied and relayed once, in any order, never enqueued for storage', () => {
    const { room, conn, enqueued } = setup()
    const writer = new Y.Doc()
    const first = edit(writer, 'a')
    const second = edit(writer, 'b')
    // The second arrives first: Yjs holds it until its dependency comes; the seqs show a gap.
    room.applyRemote(2, 1, second)
    expect(room.hasGap).toBe(true)
    expect(room.mergedThrough).toBe(0)
    room.applyRemote(1, 1, first)
    expect(room.hasGap).toBe(false)
    expect(room.mergedThrough).toBe(2)
    expect(room.doc.getText('t').toString()).toBe('ab')
    // A message seen again (an echo, a catch-up that overlapped) changes nothing and relays nothing.
    const sent = conn.sent.length
    room.applyRemote(1, 2, Y.mergeUpdates([first, second]))
    expect(conn.sent.length).toBe(sent)
    expect(relayedUpdates(conn).length).toBeGreaterThan(0)
    expect(enqueued()).toBe(0)
  })

  it('a gap closes when the rows are read back from the database, also past a compaction made elsewhere', () => {
    const { room, conn } = setup(5)
    const writer = new Y.Doc()
    const rows = Array.from({ length: 9 }, (_, i) => edit(writer, String(i)))
    // Rows 6–8 were compacted elsewhere into a state through 8; row 9 is published, rows 6–8 never were.
    room.applyRemote(9, 1, rows[8])
    expect(room.hasGap).toBe(true)
    const state = Y.mergeUpdates(rows.slice(0, 8))
    room.applyStored({ state, stateThrough: 8, updates: [{ seq: 9, update: rows[8] }], maxSeq: 9 })
    expect(room.hasGap).toBe(false)
    expect(room.mergedThrough).toBe(9)
    expect(room.doc.getText('t').toString()).toBe('012345678')
    const relayed = new Y.Doc()
    for (const m of relayedUpdates(conn)) if (m.type === 'update') Y.applyUpdate(relayed, m.update)
    expect(relayed.getText('t').toString()).toBe('012345678')
  })
})

describe('fan-out message', () => {
  it('round-trips and refuses what it cannot read', () => {
    const m = { kind: 'rows' as const, instanceId: 'i-1', firstSeq: 41, count: 3, update: new Uint8Array([0, 0]) }
    expect(decodeDocumentMessage(encodeDocumentMessage(m))).toEqual(m)
    const p = { kind: 'presence' as const, instanceId: 'i-2', update: new Uint8Array([1, 2, 3]) }
    expect(decodeDocumentMessage(encodeDocumentMessage(p))).toEqual(p)
    const n = { kind: 'notice' as const, instanceId: 'i-3', update: new Uint8Array([16, 2, 123, 125]) }
    expect(decodeDocumentMessage(encodeDocumentMessage(n))).toEqual(n)
    expect(documentOfChannel(documentChannel('doc-1'))).toBe('doc-1')
    expect(documentOfChannel('other')).toBeNull()
    expect(() => decodeDocumentMessage(new Uint8Array([9]))).toThrow(/format/)
    expect(() => decodeDocumentMessage(new Uint8Array([1, 0xff]))).toThrow()
    expect(() => decodeDocumentMessage(encodeDocumentMessage({ ...m, count: 0 }))).toThrow(/rows/)
    const trailing = new Uint8Array([...encodeDocumentMessage(m), 7])
    expect(() => decodeDocumentMessage(trailing)).toThrow(/trailing/)
  })
})

describe('presence from another instance', () => {
  const update = (clientId: number, clock: number, state: object | null) =>
    encodeAwarenessUpdate([{ clientId, clock, stateJson: JSON.stringify(state) }])

  it('is relayed and shown to newcomers, ignores pages echoing it, and is dropped when its instance stops renewing it', () => {
    const registry = new AwarenessRegistry()
    const elsewhere = { user: { id: 'u9', name: 'Far Away' } }
    expect(registry.applyRemote(update(77, 3, elsewhere), 1000)).not.toBeNull()
    // Seen again (the instance's periodic republish): renewed, nothing to relay.
    expect(registry.applyRemote(update(77, 3, elsewhere), 6000)).toBeNull()
    expect(decodeAwarenessUpdate(registry.snapshot()!)).toEqual([{ clientId: 77, clock: 3, state: elsewhere }])
    expect(registry.localSnapshot()).toBeNull()
    // A page here echoes what it received (stock y-websocket does): not taken as its own.
    const page = fakeConnection(9)
    expect(registry.accept(page, update(77, 3, elsewhere))).toBeNull()
    expect(registry.localSnapshot()).toBeNull()
    expect(registry.expireRemote(5000)).toBeNull()
    expect(decodeAwarenessUpdate(registry.expireRemote(7000)!)).toEqual([{ clientId: 77, clock: 3, state: null }])
    expect(registry.snapshot()).toBeNull()
  })

  it('is taken over by the page itself when it moves here with a newer state', () => {
    const registry = new AwarenessRegistry()
    registry.applyRemote(update(77, 3, { user: { id: 'u9' } }), 1000)
    const page = fakeConnection(9)
    expect(registry.accept(page, update(77, 4, { cursor: 1 }))).not.toBeNull()
    expect(decodeAwarenessUpdate(registry.localSnapshot()!)).toHaveLength(1)
    expect(registry.expireRemote(Number.MAX_SAFE_INTEGER)).toBeNull() // nothing remote left
  })
})
