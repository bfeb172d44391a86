// The room and commit queue with a store whose commits the test releases by hand: proves that
// nothing is applied or relayed before its commit, that a turn's updates share one transaction,
// that sequence numbers come from the store, and that a failed commit relays nothing and
// disconnects the senders.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../../shared/close-codes'
import type { Appended, DocumentStore, LogAppend } from '../../../server/storage/document-store'
import { AwarenessRegistry } from '../../../server/sync/awareness-registry'
import { CommitQueue } from '../../../server/sync/commit-queue'
import type { Connection } from '../../../server/sync/connection'
import { decodeAwarenessUpdate, decodeClientMessage, encodeAwarenessUpdate, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from '../../../server/sync/protocol'
import { Room } from '../../../server/sync/room'
import { waitFor } from '../../helpers/wait'

/** Numbers rows like the database's counter; `skip` leaves numbers to another writer first. */
class GatedStore {
  batches: LogAppend[][] = []
  gates: { release(): void; fail(): void }[] = []
  last = 0
  skip = 0
  append(rows: readonly LogAppend[]): Promise<Appended[]> {
    this.batches.push([...rows])
    return new Promise((resolve, reject) => this.gates.push({
      release: () => {
        this.last += this.skip
        this.skip = 0
        resolve(rows.map(() => ({ seq: ++this.last, alongside: [] })))
      },
      fail: () => reject(new Error('disk full')),
    }))
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

function setup() {
  const store = new GatedStore()
  const queue = new CommitQueue(store as unknown as DocumentStore)
  const room = new Room('d1', 'w1', new Y.Doc(), { maxSeq: 0, logRows: 0, storedBytes: 0 }, queue, { onEmpty() {}, onLogGrown() {}, onProtocolError() {}, onBroken() {} })
  return { store, queue, room }
}

function editFrame(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return encodeUpdate(Y.encodeStateAsUpdate(doc))
}

const updatesReceived = (conn: { sent: Uint8Array[] }) => conn.sent.filter((f) => f[0] === 0 && f[1] === 2)
const nextTurn = () => new Promise((r) => setImmediate(r))

describe('commit before apply and relay', () => {
  it('commits a turn\'s updates together, applies and relays nothing until the batch commits, then relays it once', async () => {
    const { store, room } = setup()
    const a = fakeConnection(1), b = fakeConnection(2), c = fakeConnection(3)
    for (const conn of [a, b, c]) room.join(conn)
    room.receive(c, editFrame('zero'))
    expect(store.batches).toHaveLength(0) // at the end of the turn, not in the frame's call
    await waitFor(() => store.batches.length === 1)
    // What arrives while a batch is in flight forms the next batch, one transaction for all of it.
    room.receive(a, editFrame('one'))
    room.receive(b, editFrame('two'))
    await nextTurn()
    expect(store.batches).toHaveLength(1)
    store.gates[0].release()
    await waitFor(() => store.batches.length === 2)
    expect(store.batches[1]).toHaveLength(2)
    expect(room.doc.getText('t').length).toBe(4) // only the committed first batch
    expect(updatesReceived(c)).toHaveLength(0) // c wrote all of the first batch

    store.gates[1].release()
    await waitFor(() => room.doc.getText('t').length === 10)
    expect(room.mergedThrough).toBe(3)
    expect(updatesReceived(c)).toHaveLength(1) // merged, encoded once
    // Writers of part of the batch get the same frame as everyone (Yjs skips what they have).
    expect(updatesReceived(a).at(-1)).toBe(updatesReceived(c)[0])
    expect(updatesReceived(b).at(-1)).toBe(updatesReceived(c)[0])
    const docC = new Y.Doc()
    Y.applyUpdate(docC, (decodeClientMessage(updatesReceived(c)[0]) as { update: Uint8Array }).update)
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

  it('merges only up to the first number another writer holds (the gap), and past it once it is filled', async () => {
    const { store, room } = setup()
    const a = fakeConnection(1)
    room.join(a)
    room.receive(a, editFrame('a'))
    await waitFor(() => store.batches.length === 1)
    store.gates[0].release() // seq 1
    await waitFor(() => room.mergedThrough === 1)
    room.receive(a, editFrame('b'))
    await waitFor(() => store.batches.length === 2)
    store.skip = 2 // seqs 2 and 3 went to another process
    store.gates[1].release() // seq 4
    await waitFor(() => room.pending === 0)
    expect(room.mergedThrough).toBe(1)
  })

  it('refuses an update whose dependency it never received (4424), storing nothing of it; others go on', async () => {
    const { store, room } = setup()
    const a = fakeConnection(1), b = fakeConnection(2), c = fakeConnection(3)
    for (const conn of [a, b, c]) room.join(conn)
    // A client that has "ab" (update first) types "c" between them (update second, which depends on first).
    const z = new Y.Doc()
    const zUpdates: Uint8Array[] = []
    z.on('update', (u: Uint8Array) => zUpdates.push(u))
    z.getText('t').insert(0, 'ab')
    z.getText('t').insert(1, 'c')
    const [, second] = zUpdates
    // Yjs would hold "second" back forever; an honest client never sends it without "first".
    room.receive(a, encodeUpdate(second))
    expect(a.closedWith).toBe(CloseCode.missingDependencies)
    room.receive(b, editFrame('lone'))
    await waitFor(() => store.batches.length === 1)
    expect(store.batches[0]).toHaveLength(1)
    store.gates[0].release()
    await waitFor(() => room.pending === 0)
    expect(room.doc.getText('t').toString()).toBe('lone')
    expect(c.closedWith).toBeNull()
  })

  it('relays only what is new from a handshake\'s sync step 2', async () => {
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
    // Nothing new at all: stored (the log is the record) but nothing relayed.
    room.receive(a, step2)
    await waitFor(() => store.batches.length === 3)
    store.gates[2].release()
    await waitFor(() => room.mergedThrough === 3)
    expect(updatesReceived(b)).toHaveLength(2)
  })

  it('keeps batching while a commit is in flight and commits the next batch after it', async () => {
    const { store, room } = setup()
    const a = fakeConnection(1)
    room.join(a)
    room.receive(a, editFrame('a'))
    await waitFor(() => store.batches.length === 1)
    room.receive(a, editFrame('b'))
    await nextTurn()
    room.receive(a, editFrame('c'))
    await nextTurn()
    expect(store.batches).toHaveLength(1) // one in flight at a time
    store.gates[0].release()
    await waitFor(() => store.batches.length === 2)
    expect(store.batches[1]).toHaveLength(2)
    store.gates[1].release()
    await waitFor(() => room.mergedThrough === 3)
    expect(room.pending).toBe(0)
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

  it('closes a writer that sends an update Yjs cannot decode (4422), storing nothing', async () => {
    const { store, room } = setup()
    const a = fakeConnection(1)
    room.join(a)
    room.receive(a, encodeUpdate(new Uint8Array([1, 1, 200, 1, 0, 99, 1, 2])))
    await nextTurn()
    expect(a.closedWith).toBe(CloseCode.invalidUpdate)
    expect(store.batches).toHaveLength(0)
  })

  it('drops a viewer\'s update without queueing it and without closing the viewer', async () => {
    const { store, room } = setup()
    const viewer = fakeConnection(1, false)
    room.join(viewer)
    room.receive(viewer, editFrame('nope'))
    room.receive(viewer, encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc()))) // empty: silently ignored
    await nextTurn()
    expect(store.batches).toHaveLength(0)
    expect(viewer.closedWith).toBeNull()
    expect(viewer.sent.filter((f) => f[0] === 2)).toHaveLength(1) // one permission-denied for the one real update
  })

  it('applies and relays a server-made change through the same path, resolving once it is applied', async () => {
    const { store, room } = setup()
    const a = fakeConnection(1)
    room.join(a)
    const server = new Y.Doc()
    server.getText('t').insert(0, 'S')
    let done = false
    const change = room.submitServerChange(Y.encodeStateAsUpdate(server)).then(() => { done = true })
    await waitFor(() => store.batches.length === 1)
    expect(done).toBe(false)
    store.gates[0].release()
    await change
    expect(room.doc.getText('t').toString()).toBe('S')
    expect(updatesReceived(a)).toHaveLength(1) // the server wrote it: everyone gets it
    expect(room.pending).toBe(0)
  })

  it('applies a restore by loading the document it leaves, keeping edits committed after it was planned', async () => {
    const { store, room } = setup()
    const a = fakeConnection(1), watcher = fakeConnection(2)
    room.join(a)
    room.join(watcher)
    const commitNext = async (n: number) => {
      await waitFor(() => store.batches.length === n)
      store.gates[n - 1].release()
      await waitFor(() => room.pending === 0)
    }
    room.receive(a, editFrame('old'))
    await commitNext(1)
    // Planned as the document worker does, on the state as of now: the change and the document it leaves.
    const plan = new Y.Doc()
    Y.applyUpdate(plan, Y.encodeStateAsUpdate(room.doc))
    const changes: Uint8Array[] = []
    plan.on('update', (u: Uint8Array) => changes.push(u))
    plan.getText('t').delete(0, plan.getText('t').length)
    const before = room.doc
    // One edit commits between the plan and the restore, another in the restore's own batch.
    room.receive(a, editFrame('one'))
    await commitNext(2)
    const restored = room.submitServerChange(changes[0], [], Y.encodeStateAsUpdate(plan))
    room.receive(a, editFrame('two'))
    await waitFor(() => store.batches.length === 3)
    expect(store.batches[2]).toHaveLength(2)
    store.gates[2].release()
    await restored
    expect(room.doc).not.toBe(before)
    const text = room.doc.getText('t').toString()
    expect(text).not.toContain('old')
    expect(text).toContain('one')
    expect(text).toContain('two')
    // A client that applies what it was relayed holds the same document.
    const replica = new Y.Doc()
    for (const f of updatesReceived(watcher)) Y.applyUpdate(replica, (decodeClientMessage(f) as { update: Uint8Array }).update)
    expect(replica.getText('t').toString()).toBe(text)
  })
})

describe('a fault while applying a committed batch', () => {
  it('is reported once as a broken room, never as an unhandled rejection, and the server change is still answered', async () => {
    const store = new GatedStore()
    const broken: Error[] = []
    const room = new Room('d1', 'w1', new Y.Doc(), { maxSeq: 0, logRows: 0, storedBytes: 0 }, new CommitQueue(store as unknown as DocumentStore),
      { onEmpty() {}, onLogGrown() {}, onProtocolError() {}, onBroken: (_r, err) => broken.push(err) })
    const conn = fakeConnection(1)
    room.join(conn)
    conn.send = () => { throw new Error('socket exploded') }
    const server = new Y.Doc()
    server.getText('t').insert(0, 'S')
    const change = room.submitServerChange(Y.encodeStateAsUpdate(server))
    await waitFor(() => store.batches.length === 1)
    store.gates[0].release()
    await change
    expect(broken.map((e) => e.message)).toEqual(['socket exploded'])
    expect(room.pending).toBe(0)
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
