// Rows another instance committed reach a room two ways: published through Redis (applyRemote) or
// read back from the database (applyStored). Either way they are applied and relayed to every
// connection here, never stored again, and the room knows which seqs it holds, so a gap (a lost
// message) shows and closes once the rows are read back, also across a compaction elsewhere.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { decodeCommittedRows, documentChannel, documentOfChannel, encodeCommittedRows } from '../../../server/cluster/fanout-message'
import type { DocumentStore } from '../../../server/storage/document-store'
import { CommitQueue } from '../../../server/sync/commit-queue'
import type { Connection } from '../../../server/sync/connection'
import { decodeClientMessage } from '../../../server/sync/protocol'
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
  const room = new Room('d1', 'w1', new Y.Doc(), { maxSeq, logRows: 0 }, commits, { onEmpty() {}, onLogGrown() {}, onProtocolError() {} })
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
    const m = { instanceId: 'i-1', firstSeq: 41, count: 3, update: new Uint8Array([0, 0]) }
    expect(decodeCommittedRows(encodeCommittedRows(m))).toEqual(m)
    expect(documentOfChannel(documentChannel('doc-1'))).toBe('doc-1')
    expect(documentOfChannel('other')).toBeNull()
    expect(() => decodeCommittedRows(new Uint8Array([9]))).toThrow(/format/)
    expect(() => decodeCommittedRows(new Uint8Array([1, 0xff]))).toThrow()
    expect(() => decodeCommittedRows(encodeCommittedRows({ ...m, count: 0 }))).toThrow(/rows/)
    const trailing = new Uint8Array([...encodeCommittedRows(m), 7])
    expect(() => decodeCommittedRows(trailing)).toThrow(/trailing/)
  })
})
