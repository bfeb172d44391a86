// The room and commit queue with a store whose commits the test releases by hand: proves that
// nothing is applied or relayed before its commit, that a turn's updates share one transaction,
// and that a failed commit relays nothing and disconnects the senders.
import * as Y from 'yjs'
import { describe, expect, it, vi } from 'vitest'
import { CloseCode } from '../../../shared/close-codes'
import type { DocumentStore, LogAppend } from '../../../server/storage/document-store'
import { AwarenessRegistry } from '../../../server/sync/awareness-registry'
import { CommitQueue } from '../../../server/sync/commit-queue'
import type { Connection } from '../../../server/sync/connection'
import { decodeAwarenessUpdate, decodeClientMessage, encodeAwarenessUpdate, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from '../../../server/sync/protocol'
import { Room, type RelayPacing } from '../../../server/sync/room'
import { waitFor } from '../../helpers/wait'

class GatedStore {
  batches: LogAppend[][] = []
  gates: { release(): void; fail(): void }[] = []
  append(rows: readonly LogAppend[]): Promise<void> {
    this.batches.push([...rows])
    return new Promise((resolve, reject) => this.gates.push({ release: resolve, fail: () => reject(new Error('disk full')) }))
  }
}

function fakeConnection(id: number, canWrite = true, userId = `u${id}`): Connection & { sent: Uint8Array[]; closedWith: number | null } {
  const conn = {
    id, user: { id: userId, name: `User ${id}`, email: `${userId}@x` }, sessionId: `s${id}`, role: canWrite ? 'editor' : 'viewer',
    canWrite, awarenessClientIds: new Set<number>(), sent: [] as Uint8Array[], closedWith: null as number | null,
    isOpen: () => conn.closedWith === null,
    send(f: Uint8Array) { conn.sent.push(f) },
    close(code: number) { conn.closedWith = code },
  }
  return conn as never
}

/** A room over a synchronous store (as with the update journal): a commit completes within the call. */
function roomOverSyncStore(id = 'd1', store: object = { append() {} }) {
  const queue = new CommitQueue(store as unknown as DocumentStore)
  const doc = new Y.Doc()
  const room = new Room(id, 'w1', doc, { maxSeq: 0, logRows: 0 }, queue, { onEmpty() {}, onLogGrown() {}, onProtocolError() {} })
  return { doc, room }
}

function setup(pacing?: RelayPacing) {
  const store = new GatedStore()
  const queue = new CommitQueue(store as unknown as DocumentStore)
  const room = new Room('d1', 'w1', new Y.Doc(), { maxSeq: 0, logRows: 0 }, queue, { onEmpty() {}, onLogGrown() {}, onProtocolError() {} }, pacing)
  return { store, queue, room }
}

function editFrame(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return encodeUpdate(Y.encodeStateAsUpdate(doc))
}

const updatesReceived = (conn: { sent: Uint8Array[] }) => conn.sent.filter((f) => f[0] === 0 && f[1] === 2)

describe('commit before apply and relay', () => {
  it('applies and relays nothing until the batch commits, then relays it to the others once', async () => {
    const { store, room } = setup()
    const a = fakeConnection(1), b = fakeConnection(2), c = fakeConnection(3)
    for (const conn of [a, b, c]) room.join(conn)
    // The queue is idle: this one commits at once, alone. What arrives while it is in flight forms
    // the next batch, one transaction for all of it.
    room.receive(c, editFrame('zero'))
    expect(store.batches.map((batch) => batch.map((r) => r.seq))).toEqual([[1]])
    room.receive(a, editFrame('one'))
    room.receive(b, editFrame('two'))
    store.gates[0].release()
    await waitFor(() => store.batches.length === 2)
    expect(store.batches[1].map((r) => r.seq)).toEqual([2, 3])
    expect(room.doc.getText('t').length).toBe(4) // only the committed first batch
    expect(updatesReceived(c)).toHaveLength(0) // c wrote all of the first batch

    store.gates[1].release()
    await waitFor(() => room.doc.getText('t').length === 10)
    expect(updatesReceived(c)).toHaveLength(1) // merged, encoded once
    // Writers of part of the batch get the same frame as everyone (Yjs skips what they have).
    expect(updatesReceived(a).at(-1)).toBe(updatesReceived(c)[0])
    expect(updatesReceived(b).at(-1)).toBe(updatesReceived(c)[0])
    const toC = decodeClientMessage(updatesReceived(c)[0]) as { update: Uint8Array }
    const docC = new Y.Doc()
    Y.applyUpdate(docC, toC.update)
    expect(docC.getText('t').toString()).toHaveLength(6)
  })

  it('does not echo a batch to the connection that wrote all of it', async () => {
    const { store, room } = setup()
    const a = fakeConnection(1), b = fakeConnection(2)
    for (const conn of [a, b]) room.join(conn)
    room.receive(a, editFrame('one'))
    await waitFor(() => store.batches.length === 1)
    store.gates[0].release()
    await waitFor(() => updatesReceived(b).length === 1)
    expect(updatesReceived(a)).toHaveLength(0)
  })

  it('relays a lone edit as the bytes its client sent, after its commit, and applies it too', async () => {
    const { store, room } = setup()
    const a = fakeConnection(1), b = fakeConnection(2)
    for (const conn of [a, b]) room.join(conn)
    // What the room's document held when each frame went out to b.
    const docAtSend: string[] = []
    const send = b.send
    b.send = (f: Uint8Array) => { docAtSend.push(room.doc.getText('t').toString()); send(f) }
    const frame = editFrame('lone')
    room.receive(a, frame)
    await waitFor(() => store.batches.length === 1)
    expect(updatesReceived(b)).toHaveLength(0)
    store.gates[0].release()
    await waitFor(() => updatesReceived(b).length === 1)
    expect(updatesReceived(b)[0]).toBe(frame) // the client's own message, not encoded again
    expect(docAtSend.at(-1)).toBe('') // relayed before the apply: no one waits for it
    expect(room.doc.getText('t').toString()).toBe('lone')
    expect(room.appliedSeq).toBe(1)
  })

  it('applies relayed lone edits to its copy together, within 250 ms, or at once when anything reads the document', async () => {
    const { doc, room } = roomOverSyncStore()
    const a = fakeConnection(1), b = fakeConnection(2)
    for (const conn of [a, b]) room.join(conn)
    const transactions: number[] = []
    doc.on('afterTransaction', () => transactions.push(doc.getText('t').length))

    room.receive(a, editFrame('one'))
    await new Promise((r) => setImmediate(r))
    room.receive(a, editFrame('two'))
    expect(updatesReceived(b)).toHaveLength(2) // both relayed at once
    expect(doc.getText('t').length).toBe(0) // neither applied yet
    await waitFor(() => doc.getText('t').length === 6)
    expect(transactions).toEqual([6]) // one transaction for both

    room.receive(a, editFrame('3'))
    expect(room.doc.getText('t').length).toBe(7) // reading the room's document applies it first
    expect(room.appliedSeq).toBe(3)
  })

  it('applies the deferred edits of every room in one timer wake, not one per room', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const rooms = ['d1', 'd2'].map((id) => {
        const { doc, room } = roomOverSyncStore(id)
        const a = fakeConnection(1)
        room.join(a)
        return { doc, room, a }
      })
      rooms[0].room.receive(rooms[0].a, editFrame('first'))
      vi.advanceTimersByTime(100)
      rooms[1].room.receive(rooms[1].a, editFrame('second')) // 100 ms later, in another room
      vi.advanceTimersByTime(149)
      expect(rooms.map((r) => r.doc.getText('t').length)).toEqual([0, 0])
      vi.advanceTimersByTime(1) // 250 ms after the first: both rooms, in the same wake
      expect(rooms.map((r) => r.doc.getText('t').toString())).toEqual(['first', 'second'])
      expect(vi.getTimerCount()).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })

  it('applies relayed lone edits at once when 64 are waiting, not only when the timer fires', async () => {
    const { doc, room } = roomOverSyncStore()
    const a = fakeConnection(1), b = fakeConnection(2)
    for (const conn of [a, b]) room.join(conn)
    for (let i = 0; i < 63; i++) {
      room.receive(a, editFrame('x'))
      await new Promise((r) => setImmediate(r)) // one edit per turn: each is a lone edit
    }
    expect(doc.getText('t').length).toBe(0) // 63 wait for the timer
    room.receive(a, editFrame('y'))
    expect(doc.getText('t').length).toBe(64) // the 64th applies them all in its call
    expect(updatesReceived(b)).toHaveLength(64)
  })

  it('relays what a batch left waiting for a missing dependency once a lone edit supplies it', async () => {
    const { room } = roomOverSyncStore()
    const a = fakeConnection(1), b = fakeConnection(2), c = fakeConnection(3)
    for (const conn of [a, b, c]) room.join(conn)
    // A client that has "ab" (update first) types "c" between them (update second, which depends on first).
    const z = new Y.Doc()
    const zUpdates: Uint8Array[] = []
    z.on('update', (u: Uint8Array) => zUpdates.push(u))
    z.getText('t').insert(0, 'ab')
    z.getText('t').insert(1, 'c')
    const [first, second] = zUpdates
    // "second" arrives first, inside a batch: Yjs holds it back, so the batch's relay leaves it out.
    room.receive(b, editFrame('lone'))
    room.receive(a, encodeUpdate(second))
    room.receive(b, editFrame('v'))
    await new Promise((r) => setImmediate(r))
    await new Promise((r) => setImmediate(r))
    room.receive(a, encodeUpdate(first)) // the dependency, as a lone edit
    const docC = new Y.Doc()
    await waitFor(() => {
      for (const f of updatesReceived(c).splice(0)) Y.applyUpdate(docC, (decodeClientMessage(f) as { update: Uint8Array }).update)
      return docC.getText('t').toString().includes('acb')
    })
    expect(room.doc.getText('t').toString()).toContain('acb')
  })

  it('relays only what is new from a handshake\'s sync step 2, even alone in its batch', async () => {
    const { store, room } = setup()
    const a = fakeConnection(1), b = fakeConnection(2)
    for (const conn of [a, b]) room.join(conn)
    const client = new Y.Doc()
    client.getText('t').insert(0, 'known')
    room.receive(a, encodeUpdate(Y.encodeStateAsUpdate(client)))
    await waitFor(() => store.batches.length === 1)
    store.gates[0].release()
    await waitFor(() => updatesReceived(b).length === 1)
    // A reconnecting client sends its whole state as sync step 2; the room has all of it but one edit.
    client.getText('t').insert(5, '+new')
    const step2 = encodeSyncStep2(Y.encodeStateAsUpdate(client))
    room.receive(a, step2)
    await waitFor(() => store.batches.length === 2)
    store.gates[1].release()
    await waitFor(() => updatesReceived(b).length === 2)
    const relayed = decodeClientMessage(updatesReceived(b)[1]) as { update: Uint8Array }
    expect(relayed.update.length).toBeLessThan(Y.encodeStateAsUpdate(client).length)
    expect(room.doc.getText('t').toString()).toBe('known+new')
    // Nothing new at all: nothing relayed.
    room.receive(a, step2)
    await waitFor(() => store.batches.length === 3)
    store.gates[2].release()
    await waitFor(() => room.appliedSeq === 3)
    expect(updatesReceived(b)).toHaveLength(2)
  })

  it('keeps batching while a commit is in flight and commits the next batch after it', async () => {
    const { store, room } = setup()
    const a = fakeConnection(1)
    room.join(a)
    room.receive(a, editFrame('a'))
    await waitFor(() => store.batches.length === 1)
    room.receive(a, editFrame('b'))
    room.receive(a, editFrame('c'))
    await new Promise((r) => setImmediate(r))
    expect(store.batches).toHaveLength(1) // one in flight at a time
    store.gates[0].release()
    await waitFor(() => store.batches.length === 2)
    expect(store.batches[1].map((r) => r.seq)).toEqual([2, 3])
    store.gates[1].release()
    await waitFor(() => room.appliedSeq === 3)
    expect(room.pending).toBe(0)
  })

  it('with a synchronous store (the journal) commits and relays the first update of each turn at once, and batches the rest of a turn', async () => {
    const batches: number[][] = []
    const { room } = roomOverSyncStore('d1', { append(rows: readonly LogAppend[]) { batches.push(rows.map((r) => r.seq)) } })
    const a = fakeConnection(1), b = fakeConnection(2)
    for (const conn of [a, b]) room.join(conn)
    const nextTurn = () => new Promise((r) => setImmediate(r))

    // Two edits in two turns, well within a millisecond of each other: each is relayed within its own call.
    room.receive(a, editFrame('one'))
    expect(batches).toEqual([[1]])
    expect(updatesReceived(b)).toHaveLength(1)
    await nextTurn()
    room.receive(a, editFrame('two'))
    expect(batches).toEqual([[1], [2]])
    expect(updatesReceived(b)).toHaveLength(2)

    // Three in one turn (one socket read of a busy room): the first at once, the other two together at the turn's end.
    await nextTurn()
    room.receive(a, editFrame('3'))
    room.receive(b, editFrame('4'))
    room.receive(a, editFrame('5'))
    expect(batches).toEqual([[1], [2], [3]])
    await waitFor(() => batches.length === 4)
    expect(batches).toEqual([[1], [2], [3], [4, 5]])
    expect(room.appliedSeq).toBe(5)
    expect(room.doc.getText('t').length).toBe(9)
  })

  it('in a room of 100 or more, the first edit of a turn waits for the turn\'s end and shares one relay with the rest', async () => {
    const batches: number[][] = []
    const { room } = roomOverSyncStore('d1', { append(rows: readonly LogAppend[]) { batches.push(rows.map((r) => r.seq)) } })
    const conns = Array.from({ length: 100 }, (_, i) => fakeConnection(i + 1))
    for (const conn of conns) room.join(conn)
    const [a, b, c] = conns
    room.receive(a, editFrame('one'))
    room.receive(b, editFrame('two'))
    expect(batches).toEqual([]) // not at once: the room is big
    expect(updatesReceived(c)).toHaveLength(0)
    await waitFor(() => batches.length === 1)
    expect(batches).toEqual([[1, 2]])
    expect(updatesReceived(c)).toHaveLength(1) // one frame with both edits
    const docC = new Y.Doc()
    Y.applyUpdate(docC, (decodeClientMessage(updatesReceived(c)[0]) as { update: Uint8Array }).update)
    expect(docC.getText('t').length).toBe(6)
  })

  it('on a failed commit applies nothing, relays nothing and disconnects the sender so it resends', async () => {
    const { store, room } = setup()
    const a = fakeConnection(1), b = fakeConnection(2)
    room.join(a); room.join(b)
    room.receive(a, editFrame('lost?'))
    await waitFor(() => store.batches.length === 1)
    store.gates[0].fail()
    await waitFor(() => a.closedWith !== null)
    expect(a.closedWith).toBe(CloseCode.storageFailed)
    expect(room.doc.getText('t').length).toBe(0)
    expect(updatesReceived(b)).toHaveLength(0)
    expect(room.pending).toBe(0)
  })

  it('drops a viewer\'s update without queueing it and without closing the viewer', async () => {
    const { store, room } = setup()
    const viewer = fakeConnection(1, false)
    room.join(viewer)
    room.receive(viewer, editFrame('nope'))
    room.receive(viewer, encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc()))) // empty: silently ignored
    await new Promise((r) => setImmediate(r))
    expect(store.batches).toHaveLength(0)
    expect(viewer.closedWith).toBeNull()
    expect(viewer.sent.filter((f) => f[0] === 2)).toHaveLength(1) // one permission-denied for the one real update
  })
})

describe('sync step 2 for joiners', () => {
  const step2s = (conn: { sent: Uint8Array[] }) => conn.sent.filter((f) => f[0] === 0 && f[1] === 1)
  const textOf = (frame: Uint8Array) => {
    const replica = new Y.Doc()
    Y.applyUpdate(replica, (decodeClientMessage(frame) as { update: Uint8Array }).update)
    return replica.getText('t').toString()
  }

  it('encodes the whole document once for every empty joiner until it changes', async () => {
    const { store, room } = setup()
    const writer = fakeConnection(1)
    room.join(writer)
    room.receive(writer, editFrame('minutes'))
    await waitFor(() => store.batches.length === 1)
    store.gates[0].release()
    await waitFor(() => room.pending === 0)

    const a = fakeConnection(2), b = fakeConnection(3)
    for (const conn of [a, b]) { room.join(conn); room.receive(conn, encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))) }
    expect(step2s(a)[0]).toBe(step2s(b)[0]) // one encoding, shared
    expect(textOf(step2s(a)[0])).toBe('minutes')

    room.receive(writer, editFrame('!'))
    await waitFor(() => store.batches.length === 2)
    store.gates[1].release()
    await waitFor(() => room.pending === 0)
    const c = fakeConnection(4)
    room.join(c)
    room.receive(c, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    expect(textOf(step2s(c)[0])).toHaveLength(8) // the cache followed the change

    // A client that has part of the document gets only the rest.
    const partial = new Y.Doc()
    Y.applyUpdate(partial, (decodeClientMessage(step2s(a)[0]) as { update: Uint8Array }).update)
    const d = fakeConnection(5)
    room.join(d)
    room.receive(d, encodeSyncStep1(Y.encodeStateVector(partial)))
    expect(step2s(d)[0].length).toBeLessThan(step2s(c)[0].length)
    Y.applyUpdate(partial, (decodeClientMessage(step2s(d)[0]) as { update: Uint8Array }).update)
    expect(partial.getText('t').length).toBe(8)
  })
})

describe('relay pacing', () => {
  it('relays at once, then holds what commits within the interval and sends it as one frame', async () => {
    // 3 connections x 100 ms: at most one relay per 300 ms.
    const { store, room } = setup({ msPerConnection: 100, maxMs: 1000 })
    const a = fakeConnection(1), b = fakeConnection(2), c = fakeConnection(3)
    for (const conn of [a, b, c]) room.join(conn)
    room.receive(a, editFrame('one'))
    await waitFor(() => store.batches.length === 1)
    store.gates[0].release()
    await waitFor(() => updatesReceived(c).length === 1) // the first relay is not delayed

    room.receive(a, editFrame('two'))
    await waitFor(() => store.batches.length === 2)
    store.gates[1].release()
    room.receive(b, editFrame('three'))
    await waitFor(() => store.batches.length === 3)
    store.gates[2].release()
    await new Promise((r) => setTimeout(r, 5))
    expect(room.pending).toBe(2) // committed, held
    expect(updatesReceived(c)).toHaveLength(1)
    expect(room.doc.getText('t').length).toBe(3) // and not applied: the doc moves with the relays

    await waitFor(() => updatesReceived(c).length === 2)
    expect(room.doc.getText('t').length).toBe(11)
    expect(room.appliedSeq).toBe(3)
    expect(room.pending).toBe(0)
    const replica = new Y.Doc()
    for (const frame of updatesReceived(c)) Y.applyUpdate(replica, (decodeClientMessage(frame) as { update: Uint8Array }).update)
    expect(replica.getText('t').length).toBe(11)
  })

  it('does not pace a room whose interval would be under 2 ms', async () => {
    const { store, room } = setup({ msPerConnection: 0.5, maxMs: 10 }) // 3 connections: 1.5 ms
    const a = fakeConnection(1), b = fakeConnection(2), c = fakeConnection(3)
    for (const conn of [a, b, c]) room.join(conn)
    for (let i = 0; i < 2; i++) {
      room.receive(a, editFrame(`edit${i}`))
      await waitFor(() => store.batches.length === i + 1)
      store.gates[i].release()
      await new Promise((r) => setImmediate(r)) // a paced room would hold the second one on a timer
      expect(room.pending).toBe(0)
      expect(updatesReceived(c)).toHaveLength(i + 1) // relayed with its commit, never held
    }
  })

  it('applies a server-made change at once, with anything held before it', async () => {
    const { store, room } = setup({ msPerConnection: 500, maxMs: 1000 })
    const a = fakeConnection(1)
    room.join(a)
    room.receive(a, editFrame('one'))
    await waitFor(() => store.batches.length === 1)
    store.gates[0].release()
    await waitFor(() => room.pending === 0)
    room.receive(a, editFrame('two'))
    await waitFor(() => store.batches.length === 2)
    store.gates[1].release()
    await new Promise((r) => setTimeout(r, 5))
    expect(room.pending).toBe(1) // held: the room relayed a moment ago

    const server = new Y.Doc()
    server.getText('t').insert(0, 'S')
    const done = room.submitServerChange(Y.encodeStateAsUpdate(server))
    await waitFor(() => store.batches.length === 3)
    store.gates[2].release()
    await done
    expect(room.doc.getText('t').length).toBe(7)
    expect(room.pending).toBe(0)
  })
})

describe('awareness registry', () => {
  const state = (clientId: number, clock: number, s: object | null) => ({ clientId, clock, stateJson: JSON.stringify(s) })
  const encode = (...entries: ReturnType<typeof state>[]) => {
    return encodeAwarenessUpdate(entries)
  }

  it('stamps the authenticated identity, drops claims of another user and of another connection\'s client id', () => {
    const reg = new AwarenessRegistry()
    const a = fakeConnection(1), b = fakeConnection(2)
    expect(reg.accept(a, encode(state(10, 1, { user: { name: 'Not me', color: '#000' }, cursor: 3 })))).not.toBeNull()
    const [stamped] = decodeAwarenessUpdate(reg.snapshot()!)
    expect(stamped.state).toEqual({ user: { id: 'u1', name: 'User 1', color: expect.any(String), role: 'editor' }, cursor: 3 })
    expect(reg.accept(b, encode(state(11, 1, { user: { id: 'u1', name: 'User 1' } })))).toBeNull() // claims a's user
    expect(reg.accept(b, encode(state(10, 5, { cursor: 0 })))).toBeNull() // a's client id
    expect(reg.size).toBe(1)
    expect(reg.accept(a, encode(state(10, 1, { cursor: 4 })))).toBeNull() // stale clock
    const removal = reg.removeConnection(a)
    expect(removal).not.toBeNull()
    expect(reg.size).toBe(0)
  })
})
