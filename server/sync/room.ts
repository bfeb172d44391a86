// A loaded document and the connections editing it. The in-memory Y.Doc only ever holds
// committed updates: writes go to the commit queue first and are applied and relayed after
// the database has them, so nothing a client sees can be lost by a crash of the server.
import * as Y from 'yjs'
import { CloseCode, CloseReason, READ_ONLY_DENIAL } from '../../shared/close-codes'
import { AwarenessRegistry } from './awareness-registry'
import { checkUpdate } from './update-check'
import type { CommitQueue, PendingUpdate } from './commit-queue'
import type { Connection } from './connection'
import {
  ProtocolError, decodeClientMessage, encodeAwareness, encodePermissionDenied, encodeSyncStep1, encodeSyncStep2,
  encodeUpdate, isEmptyUpdate,
} from './protocol'

export interface RoomEvents {
  /** The last connection left: the registry may unload the room later. */
  onEmpty(room: Room): void
  /** Rows were appended to the log: the registry decides whether to compact. */
  onLogGrown(room: Room): void
  onProtocolError(conn: Connection, err: Error): void
}

/**
 * How often a room may relay: at most once per `msPerConnection` × connections, capped at `maxMs`.
 * A broadcast costs one socket write per connection, so a very big room can relay bigger batches
 * less often (200 connections × 0.02 ms: one relay per 4 ms; an interval under 2 ms is not paced).
 * Off by default (RELAY_MS_PER_CONNECTION=0): with relays framed once, every batch at once measured
 * better at 200 clients, in latency and still well under the references' CPU.
 */
export interface RelayPacing { msPerConnection: number; maxMs: number }
const MIN_PACED_INTERVAL_MS = 2
/**
 * A relayed lone edit is applied to the server's copy within this long (sooner if anyone reads it),
 * or once this many wait. Each timer fire wakes the event loop: at meeting pace a wake costs
 * ~0.2 ms of cold CPU however little it does, so a quarter second (a handful of edits per apply)
 * lowered server CPU ~20% and the p99 at 10 clients ~15% against 20 ms (A/B in the bench).
 */
const APPLY_AFTER_MS = 250
const APPLY_AT_COUNT = 64

/**
 * One timer for the deferred applies of every room: the rooms that relayed lone edits within one
 * interval are applied in one wake of the event loop, not one wake per room (20 busy rooms woke it
 * 80 times a second). Shared by every room of the process; a closed room's apply does nothing.
 */
class DeferredApplies {
  private rooms = new Set<Room>()
  private timer: NodeJS.Timeout | null = null

  add(room: Room): void {
    this.rooms.add(room)
    this.timer ??= setTimeout(this.run, APPLY_AFTER_MS)
  }

  delete(room: Room): void {
    this.rooms.delete(room)
    if (this.rooms.size === 0 && this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
  }

  private readonly run = (): void => {
    this.timer = null
    const rooms = [...this.rooms]
    this.rooms.clear()
    for (const room of rooms) room.applyDeferred()
  }
}
const deferredApplies = new DeferredApplies()

export class Room {
  readonly connections = new Set<Connection>()
  readonly awareness = new AwarenessRegistry((update, from) => this.broadcast(encodeAwareness(update), from))
  /** Next log sequence number to hand out (allocated at enqueue, so the log is ordered like the relays). */
  nextSeq: number
  /** Highest seq applied to `doc`: every log row up to it is reflected in the doc. */
  appliedSeq: number
  /** Log rows not yet merged into the compacted state. */
  logRows: number
  /** Updates enqueued but not yet applied; the room is not unloaded while any are pending. */
  pending = 0
  compacting = false
  closed = false
  /** Committed updates waiting for the room's next relay (see RelayPacing). */
  private held: PendingUpdate[] = []
  private relayTimer: NodeJS.Timeout | null = null
  private lastRelayAt = -Infinity
  /** Lone edits relayed but not yet applied to the document (see relayThenApply). */
  private unapplied: Uint8Array[] = []
  /** The sync step 2 for a client that has nothing, valid while `seq` is still `appliedSeq`. */
  private fullStateFrame: { seq: number; frame: Uint8Array } | null = null

  constructor(
    readonly documentId: string,
    readonly workspaceId: string,
    private readonly ydoc: Y.Doc,
    loaded: { maxSeq: number; logRows: number },
    private commits: CommitQueue,
    private events: RoomEvents,
    private pacing: RelayPacing = { msPerConnection: 0, maxMs: 0 },
  ) {
    this.nextSeq = loaded.maxSeq + 1
    this.appliedSeq = loaded.maxSeq
    this.logRows = loaded.logRows
  }

  /** The document with every committed update: what is still to apply is applied first. */
  get doc(): Y.Doc {
    if (this.unapplied.length > 0) this.applyDeferred()
    return this.ydoc
  }

  join(conn: Connection): void {
    this.connections.add(conn)
    conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const presence = this.awareness.snapshot()
    if (presence) conn.send(encodeAwareness(presence))
  }

  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return
    const removal = this.awareness.removeConnection(conn)
    if (removal) this.broadcast(encodeAwareness(removal), conn)
    if (this.connections.size === 0) this.events.onEmpty(this)
  }

  /** Handles one binary frame from a connection. Bad input closes only that connection. */
  receive(conn: Connection, frame: Uint8Array): void {
    if (!this.connections.has(conn)) return
    try {
      const message = decodeClientMessage(frame)
      switch (message.type) {
        case 'sync-step-1':
          conn.send(this.syncStep2For(message.stateVector))
          break
        case 'sync-step-2':
          this.receiveUpdate(conn, message.update, null)
          break
        case 'update':
          this.receiveUpdate(conn, message.update, frame)
          break
        case 'awareness': {
          const relay = this.awareness.accept(conn, message.update)
          if (relay) this.broadcast(encodeAwareness(relay), conn)
          break
        }
        case 'query-awareness': {
          const presence = this.awareness.snapshot()
          if (presence) conn.send(encodeAwareness(presence))
          break
        }
      }
    } catch (err) {
      // A state vector Yjs cannot read surfaces here as a plain Error: still the client's fault.
      this.events.onProtocolError(conn, err as Error)
      conn.close(CloseCode.malformedMessage, CloseReason[CloseCode.malformedMessage])
      this.leave(conn)
    }
  }

  /**
   * What a client lacks, as a sync step 2. Joiners that start empty (every page load) share one
   * encoding of the whole document until it changes: encoding a large document costs tens of ms.
   */
  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size > 0) return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))
    if (this.fullStateFrame?.seq !== this.appliedSeq) {
      this.fullStateFrame = { seq: this.appliedSeq, frame: encodeSyncStep2(Y.encodeStateAsUpdate(this.doc)) }
    }
    return this.fullStateFrame.frame
  }

  /** `frame`: the update message that brought an incremental edit (null for a handshake's sync step 2). */
  private receiveUpdate(conn: Connection, update: Uint8Array, frame: Uint8Array | null): void {
    if (isEmptyUpdate(update)) return
    if (!conn.canWrite) {
      // Dropped, never stored or relayed; the client is told once per update and stays connected.
      conn.send(encodePermissionDenied(READ_ONLY_DENIAL))
      return
    }
    try {
      checkUpdate(update)
    } catch (err) {
      this.events.onProtocolError(conn, new ProtocolError(`invalid update: ${(err as Error).message}`))
      conn.close(CloseCode.invalidUpdate, CloseReason[CloseCode.invalidUpdate])
      this.leave(conn)
      return
    }
    this.pending++
    this.commits.enqueue({ room: this, from: conn, update, seq: this.nextSeq++, frame: frame ?? undefined })
  }

  /** Commits, applies and relays a server-made change (a restore); resolves once it is durable. */
  submitServerChange(update: Uint8Array): Promise<void> {
    this.pending++
    return new Promise((resolve, reject) => {
      this.commits.enqueue({ room: this, from: null, update, seq: this.nextSeq++, done: { resolve, reject } })
    })
  }

  /**
   * Called by the commit queue once this room's updates of a batch are durable, in seq order. They
   * are applied and relayed now, or with the next batches when the room relayed very recently.
   * A server-made change is applied at once: its caller reads the document next.
   */
  applyCommitted(items: readonly PendingUpdate[]): void {
    this.held.push(...items)
    // Below MIN_PACED_INTERVAL_MS a room's broadcast is cheap, and a timer could not wait less than 1 ms anyway.
    if (this.relayInterval() < MIN_PACED_INTERVAL_MS || items.some((i) => i.from === null)) {
      this.flushHeld()
      return
    }
    const wait = this.lastRelayAt + this.relayInterval() - performance.now()
    if (wait <= 0) this.flushHeld()
    else this.relayTimer ??= setTimeout(() => this.flushHeld(), wait)
  }

  private relayInterval(): number {
    return Math.min(this.pacing.maxMs, this.connections.size * this.pacing.msPerConnection)
  }

  /**
   * Applies every held update in one transaction and relays the result as one frame. Server code
   * that reads the document calls it first, so a snapshot includes every committed update.
   */
  flushHeld(): void {
    if (this.relayTimer) clearTimeout(this.relayTimer)
    this.relayTimer = null
    const items = this.held
    this.held = []
    if (items.length === 0 || this.closed) return
    this.pending -= items.length
    this.appliedSeq = items[items.length - 1].seq
    this.fullStateFrame = null
    this.logRows += items.length
    if (items.length === 1 && items[0].frame) this.relayThenApply(items[0], items[0].frame)
    else this.applyThenRelay(items)
    // Only paced rooms look at it: the unpaced relay path skips the clock read.
    if (this.relayInterval() >= MIN_PACED_INTERVAL_MS) this.lastRelayAt = performance.now()
    this.events.onLogGrown(this)
  }

  /**
   * A lone edit (the usual case outside big rooms) is relayed as the message its client sent — already
   * checked and committed — before it is applied, so no one waits for the apply or for Yjs to encode
   * it again. Not for a handshake's sync step 2: that holds a reconnecting client's whole state, most
   * of which the others have, and the path below relays only what is new.
   */
  private relayThenApply(item: PendingUpdate, frame: Uint8Array): void {
    for (const conn of this.connections) if (conn !== item.from) conn.send(frame)
    // The count bounds the apply's stall when edits stream in one per turn (a fast client's backlog).
    if (this.unapplied.push(item.update) >= APPLY_AT_COUNT) this.applyDeferred()
    else if (this.unapplied.length === 1) deferredApplies.add(this)
  }

  /**
   * Applies the relayed lone edits in one transaction. It runs when the document is next read (the
   * `doc` getter: a joiner's handshake, a batch, a snapshot, compaction) or after APPLY_AFTER_MS,
   * not in the relay's call: there it held up the next frames on the event loop by ~0.15 ms per edit,
   * and edits that arrive close together are cheaper to apply together.
   */
  applyDeferred(): void {
    deferredApplies.delete(this)
    const updates = this.unapplied
    this.unapplied = []
    if (updates.length === 0 || this.closed) return
    // Structs (or deletes) waiting in the document for a missing dependency were left out of the
    // relay of the batch that brought them (Yjs encodes only what it integrates). If these edits
    // supply the dependency, what they unblock is relayed now, with the rest of the transaction.
    const store = this.ydoc.store
    const unblocking = store.pendingStructs !== null || store.pendingDs !== null
    let integrated: Uint8Array | null = null
    const capture = (update: Uint8Array) => { integrated = update }
    if (unblocking) this.ydoc.on('update', capture)
    try {
      this.ydoc.transact(() => {
        for (const update of updates) {
          try { Y.applyUpdate(this.ydoc, update, 'commit') } catch { /* stored but harmless: load skips it too */ }
        }
      }, 'commit')
    } finally {
      if (unblocking) this.ydoc.off('update', capture)
    }
    if (integrated) this.broadcast(encodeUpdate(integrated), null)
  }

  private applyThenRelay(items: readonly PendingUpdate[]): void {
    // One transaction for the batch; Yjs encodes what it added as one update (the relay frame).
    // Not Y.mergeUpdates: it re-sorts its inputs for every struct, so its cost grows with the square
    // of the batch size and a backlog (bigger batches) would feed on itself.
    let merged: Uint8Array | null = null
    const capture = (update: Uint8Array) => { merged = update }
    const doc = this.doc // applies any relayed lone edits first: the merge must hold only this batch
    doc.on('update', capture)
    try {
      doc.transact(() => {
        for (const item of items) {
          try { Y.applyUpdate(doc, item.update, 'commit') } catch { /* stored but harmless: load skips it too */ }
        }
      }, 'commit')
    } finally {
      doc.off('update', capture)
    }
    if (merged) this.relay(items, merged)
  }

  /** Called when a batch could not be stored: nothing was applied or relayed; senders resend on reconnect. */
  failCommitted(items: readonly PendingUpdate[]): void {
    this.pending -= items.length
    for (const item of items) {
      if (item.from?.isOpen()) item.from.close(CloseCode.storageFailed, CloseReason[CloseCode.storageFailed])
    }
  }

  /**
   * Sends the batch, encoded once, to every connection. Only a connection that wrote the whole
   * batch is skipped; one that wrote part of it gets it all and Yjs ignores what it already has,
   * which costs it far less than the server cutting a personal copy per writer.
   */
  private relay(items: readonly PendingUpdate[], merged: Uint8Array): void {
    const soleWriter = items.every((i) => i.from === items[0].from) ? items[0].from : null
    const frame = encodeUpdate(merged)
    for (const conn of this.connections) if (conn !== soleWriter) conn.send(frame)
  }

  broadcast(frame: Uint8Array, except: Connection | null): void {
    for (const conn of this.connections) if (conn !== except) conn.send(frame)
  }

  closeAll(code: number, reason: string): void {
    for (const conn of [...this.connections]) {
      conn.close(code, reason)
      this.leave(conn)
    }
  }
}
