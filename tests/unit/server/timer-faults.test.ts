// A synchronous throw inside a timer callback is an uncaughtException, which would end the server
// and every meeting in it. Contained: it is logged with the document, that one room is given up, and
// the process (here, vitest's: it fails the run on an uncaught error) keeps going.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { DocumentStore, StoredDocument } from '../../../server/storage/document-store'
import { CommitQueue } from '../../../server/sync/commit-queue'
import { contained } from '../../../server/sync/contained'
import type { Connection } from '../../../server/sync/connection'
import { encodeAwareness, encodeAwarenessUpdate } from '../../../server/sync/protocol'
import { RoomRegistry } from '../../../server/sync/room-registry'
import { waitFor } from '../../helpers/wait'

function recordingLog() {
  const errors: { obj: Record<string, unknown>; msg: string }[] = []
  return { errors, warn() {}, error(obj: object, msg: string) { errors.push({ obj: obj as Record<string, unknown>, msg }) } }
}

describe('faults in timer callbacks', () => {
  it('a throwing timer callback is logged and its fallback runs; later timers still fire', async () => {
    const log = recordingLog()
    let fellBack: Error | null = null
    setTimeout(contained(log, 'a timer', () => { throw new Error('boom') }, (err) => { fellBack = err }), 1)
    let later = false
    setTimeout(() => { later = true }, 5)
    await waitFor(() => later)
    expect(log.errors).toEqual([expect.objectContaining({ msg: 'a timer failed; the server keeps running', obj: expect.objectContaining({ err: 'boom' }) })])
    expect(fellBack).toBeInstanceOf(Error)
  })

  it("a room whose unload throws (its Y.Doc's destroy) is logged by document; another room's timer still runs", async () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'x')
    const store = { async load(): Promise<StoredDocument> { return { state: Y.encodeStateAsUpdate(doc), stateThrough: 1, updates: [], maxSeq: 1 } } }
    const log = recordingLog()
    const registry = new RoomRegistry(store as unknown as DocumentStore, new CommitQueue(store as unknown as DocumentStore), { compactThreshold: 1000, unloadAfterMs: 10, compactionLeaseMs: 30_000, instanceId: 'i1', log })
    const broken = await registry.acquire('broken', 'w1')
    broken.doc.on('destroy', () => { throw new Error('destroy observer failed') })
    // Acquired later, so its unload timer fires after the broken one's: a marker that the first has run.
    await new Promise((r) => setTimeout(r, 50))
    const other = await registry.acquire('other', 'w1')
    await waitFor(() => registry.loaded('broken') === undefined, { timeoutMs: 5_000 })
    expect(log.errors.some((e) => e.msg === 'unloading a document (broken) failed; the server keeps running' && e.obj.err === 'destroy observer failed')).toBe(true)
    // The other room's own unload timer still runs.
    await waitFor(() => registry.loaded('other') === undefined, { timeoutMs: 5_000 })
    expect(other.closed).toBe(true)
  })

  it("a coalesced presence relay that throws is logged by document and drops only that room; another room's presence still relays", async () => {
    const store = { async load(): Promise<StoredDocument> { return { state: null, stateThrough: 0, updates: [], maxSeq: 0 } } }
    const log = recordingLog()
    const registry = new RoomRegistry(store as unknown as DocumentStore, new CommitQueue(store as unknown as DocumentStore), { compactThreshold: 1000, unloadAfterMs: 60_000, compactionLeaseMs: 30_000, instanceId: 'i1', log })
    const connection = (id: number, failing = { on: false }) => {
      const conn = {
        id, user: { id: `u${id}`, name: `U${id}`, email: `u${id}@x` }, sessionId: `s${id}`, role: 'editor', canWrite: true,
        awarenessClientIds: new Set<number>(), sent: 0, open: true,
        isOpen: () => conn.open,
        send() { if (failing.on) { failing.on = false; throw new Error('send failed') } conn.sent++ },
        close() { conn.open = false },
      }
      return conn as unknown as Connection & { sent: number }
    }
    const presence = (clientId: number, clock: number) => encodeAwareness(encodeAwarenessUpdate([{ clientId, clock, stateJson: JSON.stringify({ cursor: clock }) }]))

    const broken = await registry.acquire('broken', 'w1')
    const failing = { on: false }
    const sender = connection(1), observer = connection(2, failing)
    registry.join(broken, sender); registry.join(broken, observer)
    broken.receive(sender, presence(1, 1)) // relayed at once
    failing.on = true
    broken.receive(sender, presence(1, 2)) // within the interval: coalesced, relayed from a timer, whose send throws once

    const healthy = await registry.acquire('healthy', 'w1')
    const a = connection(3), b = connection(4)
    registry.join(healthy, a); registry.join(healthy, b)
    healthy.receive(a, presence(3, 1))
    const seen = b.sent
    healthy.receive(a, presence(3, 2)) // coalesced too: its timer fires after the broken room's
    await waitFor(() => b.sent > seen, { timeoutMs: 5_000 })
    expect(log.errors.some((e) => e.msg === 'relaying coalesced presence (broken) failed; the server keeps running' && e.obj.err === 'send failed')).toBe(true)
    expect(registry.loaded('broken')).toBeUndefined()
    expect(registry.loaded('healthy')).toBe(healthy)
  })
})
