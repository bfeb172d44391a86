// A loaded document and the connections editing it. The one path of an edit: receive → check
// (Y.decodeUpdate) → commit (CommitQueue: the database has it) → apply to the in-memory Y.Doc →
// relay. The in-memory Y.Doc only ever holds committed updates, so nothing a client is sent
// (a relay or a new client's sync step 2) can be lost by a crash of the server.
import type { BatchItem } from 'drizzle-orm/batch'
import * as Y from 'yjs'
import { CloseCode, CloseReason, READ_ONLY_DENIAL } from '../../shared/close-codes'
import type { StoredDocument } from '../storage/document-store'
import { AwarenessRegistry } from './awareness-registry'
import { AWARENESS_LIMITS } from './awareness-limits'
import type { CommittedUpdate, CommitQueue, PendingUpdate } from './commit-queue'
import type { Connection } from './connection'
import { checkUpdate, UPDATE_LIMITS, type UpdateRefusal } from './update-limits'
import { SYNC_STEP_1_LIMITS, SyncRequestBudget } from './sync-limits'
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
  /** Applying committed updates failed: this copy is behind the database and must be dropped. */
  onBroken(room: Room, err: Error): void
  /** Several instances only: this instance committed these rows (to be published; called before they are applied and relayed here). */
  onCommitted?(room: Room, items: readonly CommittedUpdate[]): void
  /** Several instances only: the presence of people here changed (relayed here; to be published). */
  onPresence?(room: Room, update: Uint8Array): void
  /** Wraps a callback the room runs from a timer, so that its fault is logged and contained (contained.ts). */
  contain?(room: Room, what: string, fn: () => void): () => void
}

export class Room {
  readonly connections = new Set<Connection>()
  readonly awareness = new AwarenessRegistry((update, from) => this.relayPresence(update, from), AWARENESS_LIMITS, Date.now,
    (what, fn) => this.events.contain?.(this, what, fn) ?? fn)
  /** Who is in the room now: people connected here, and (several instances) those present elsewhere. */
  presentUserIds(): Set<string> {
    const ids = this.awareness.remoteUserIds()
    for (const conn of this.connections) ids.add(conn.user.id)
    return ids
  }

  /**
   * Every log row with a seq up to this one is in `doc`. Rows of other writers sharing the database
   * leave gaps above it until this process has them; compaction merges only up to here.
   */
  mergedThrough: number
  /** Seqs above `mergedThrough` that are in `doc` (waiting for the gaps below them). */
  private mergedAbove = new Set<number>()
  /** Log rows not yet merged into the compacted state (as far as this process knows). */
  logRows: number
  /** Bytes stored for the document (compacted state plus log rows, as far as this process knows). */
  storedBytes: number
  /** Updates enqueued but not yet committed; the room is not unloaded while any are pending. */
  pending = 0
  compacting = false
  closed = false
  /** The sync step 2 for a client that has nothing, valid until the next apply. */
  private fullStateFrame: Uint8Array | null = null
  private syncRequests = new SyncRequestBudget()
  /** Per client, the end of its updates queued for commit (cleared whenever nothing is queued). */
  private queuedClocks = new Map<number, number>()

  constructor(
    readonly documentId: string,
    readonly workspaceId: string,
    /** Replaced whole by a restore (see `replaceDoc`): read it afresh, never keep it across an await. */
    public doc: Y.Doc,
    loaded: { maxSeq: number; logRows: number; storedBytes: number },
    private commits: CommitQueue,
    private events: RoomEvents,
  ) {
    this.mergedThrough = loaded.maxSeq
    this.logRows = loaded.logRows
    this.storedBytes = loaded.storedBytes
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
    if (removal) this.relayPresence(removal, conn)
    if (this.connections.size === 0) this.events.onEmpty(this)
  }

  /** Handles one binary frame from a connection. Bad input closes only that connection. */
  receive(conn: Connection, frame: Uint8Array): void {
    if (!this.connections.has(conn)) return
    try {
      const message = decodeClientMessage(frame)
      switch (message.type) {
        case 'sync-step-1':
          if (message.stateVector.byteLength > SYNC_STEP_1_LIMITS.maxStateVectorBytes) {
            this.refuse(conn, CloseCode.stateVectorTooLarge, `state vector of ${message.stateVector.byteLength} bytes`)
          } else if (!this.syncRequests.take(conn)) {
            this.refuse(conn, CloseCode.tooManySyncRequests, 'sync step 1 rate')
          } else {
            conn.send(this.syncStep2For(message.stateVector))
          }
          break
        case 'sync-step-2':
        case 'update':
          this.receiveUpdate(conn, message.update)
          break
        case 'awareness': {
          const relay = this.awareness.accept(conn, message.update)
          if (relay) this.relayPresence(relay, conn)
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

  /** Closes a connection that broke a limit; logged once, through the protocol-error path. */
  private refuse(conn: Connection, code: number, detail: string): void {
    this.events.onProtocolError(conn, new ProtocolError(`${CloseReason[code]}: ${detail}`))
    conn.close(code, CloseReason[code])
    this.leave(conn)
  }

  /**
   * What a client lacks, as a sync step 2. Joiners that start empty (every page load) share one
   * encoding of the whole document until it changes: encoding a large document costs tens of ms.
   */
  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size > 0) return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))
    this.fullStateFrame ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc))
    return this.fullStateFrame
  }

  private receiveUpdate(conn: Connection, update: Uint8Array): void {
    if (isEmptyUpdate(update)) return
    if (!conn.canWrite) {
      // Dropped, never stored or relayed; the client is told once per update and stays connected.
      conn.send(encodePermissionDenied(READ_ONLY_DENIAL))
      return
    }
    let refusal: UpdateRefusal | null
    try {
      // Yjs itself decides what a valid update is: a malformed one reaches neither the log nor anyone else.
      refusal = checkUpdate(this.doc, update, this.knownClock)
    } catch (err) {
      this.events.onProtocolError(conn, new ProtocolError(`invalid update: ${(err as Error).message}`))
      conn.close(CloseCode.invalidUpdate, CloseReason[CloseCode.invalidUpdate])
      this.leave(conn)
      return
    }
    if (refusal) {
      this.refuse(conn, refusal.code, refusal.reason)
      return
    }
    if (this.storedBytes + update.byteLength > UPDATE_LIMITS.maxDocumentBytes) {
      this.refuse(conn, CloseCode.documentTooLarge, `${this.storedBytes} bytes stored, ${update.byteLength} more refused`)
      return
    }
    this.enqueue({ room: this, from: conn, update })
  }

  /** Queued for commit; its clocks count as known, so a client's next update may build on it. */
  private enqueue(item: PendingUpdate): void {
    this.pending++
    this.storedBytes += item.update.byteLength
    for (const [client, clock] of Y.parseUpdateMeta(item.update).to) {
      if (clock > (this.queuedClocks.get(client) ?? 0)) this.queuedClocks.set(client, clock)
    }
    this.commits.enqueue(item)
  }

  private readonly knownClock = (client: number): number =>
    Math.max(Y.getState(this.doc.store, client), this.queuedClocks.get(client) ?? 0)

  /**
   * Commits, applies and relays a server-made change (a restore), with `alongside` statements in
   * the same transaction; resolves with their results once it is applied. `leaves`: the document
   * the change leaves, as of when it was planned (a restore's, built on the document worker);
   * `reopen`: its connections are closed instead of sent the change (see PendingUpdate).
   */
  submitServerChange(update: Uint8Array, alongside: readonly BatchItem<'sqlite'>[] = [], leaves?: Uint8Array, reopen = false): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      this.enqueue({ room: this, from: null, update, alongside, leaves, reopen, done: { resolve, reject } })
    })
  }

  /**
   * Called by the commit queue once this room's updates of a batch are in the database, in seq
   * order: applies them in one transaction and relays what Yjs integrated as one frame, encoded once
   * for every connection. Only a connection that wrote the whole batch is skipped; one that wrote
   * part of it gets it all, and Yjs ignores what it already has.
   */
  applyCommitted(items: readonly CommittedUpdate[]): void {
    this.pending -= items.length
    if (this.pending === 0) this.queuedClocks.clear()
    this.logRows += items.length
    for (const item of items) this.markMerged(item.seq)
    if (this.closed) return
    const soleWriter = items.every((i) => i.from === items[0].from) ? items[0].from : null
    const restore = items.find((i) => i.leaves)
    // Published before the relay here: the other instances' connections then wait for one hop, not
    // for this instance's own relay too. Committed is all a publish needs.
    this.events.onCommitted?.(this, items)
    if (!this.applySafely(() => restore ? this.replaceDoc(restore, items, soleWriter) : this.integrate(items, soleWriter))) return
    this.events.onLogGrown(this)
  }

  /**
   * Log rows `firstSeq`… that another instance committed, merged into one update (published through
   * Redis): relayed to every connection here and applied, never stored again. Order does not matter
   * to Yjs; the seqs only tell which rows this copy holds.
   */
  applyRemote(firstSeq: number, count: number, update: Uint8Array): void {
    if (this.closed) return
    let known = true
    for (let seq = firstSeq; seq < firstSeq + count; seq++) known &&= this.holds(seq)
    if (known) return
    this.storedBytes += update.byteLength // stored by the other instance: it counts towards the size limit here too
    // Relayed as received, then applied: the connections here do not wait for this copy's apply, and
    // a client ignores whatever part of it it already has. The other instance committed it.
    this.broadcast(encodeUpdate(update), null)
    if (!this.applySafely(() => this.applyInOneTransaction([{ update }]))) return
    for (let seq = firstSeq; seq < firstSeq + count; seq++) this.markMerged(seq)
  }

  /** Rows read back from the database after `mergedThrough` (a catch-up): what is missing here is applied and relayed. */
  applyStored(stored: StoredDocument): void {
    if (this.closed) return
    const missing: { update: Uint8Array }[] = stored.updates.filter((u) => !this.holds(u.seq))
    if (stored.state) missing.unshift({ update: stored.state })
    // Rows another instance stored count towards the size limit here too.
    for (const u of stored.updates) if (!this.holds(u.seq)) this.storedBytes += u.update.byteLength
    if (missing.length > 0 && !this.applySafely(() => this.integrate(missing, null))) return
    if (stored.state && stored.stateThrough > this.mergedThrough) {
      // A compaction elsewhere merged (and deleted) rows this copy may never have seen: the state has them.
      for (const seq of this.mergedAbove) if (seq <= stored.stateThrough) this.mergedAbove.delete(seq)
      this.mergedThrough = stored.stateThrough
      while (this.mergedAbove.delete(this.mergedThrough + 1)) this.mergedThrough++
    }
    for (const u of stored.updates) this.markMerged(u.seq)
  }

  /** Seqs above `mergedThrough` are in the doc while lower ones are not: rows still to come (or lost). */
  get hasGap(): boolean {
    return this.mergedAbove.size > 0
  }

  /**
   * Runs an apply of committed updates. A fault in it (a bug, never a client's input: updates are
   * checked before their commit) leaves this copy behind the database; it is dropped, not left to
   * surface as an unhandled rejection in the commit queue or an exception in a Redis handler.
   */
  private applySafely(apply: () => void): boolean {
    try {
      apply()
      return true
    } catch (err) {
      this.events.onBroken(this, err as Error)
      return false
    }
  }

  /** Applies committed updates in one transaction and relays what Yjs integrated, encoded once. */
  private integrate(updates: readonly { update: Uint8Array }[], except: Connection | null): void {
    let integrated: Uint8Array | null = null
    const capture = (update: Uint8Array) => { integrated = update }
    this.doc.on('update', capture)
    try {
      this.applyInOneTransaction(updates)
    } finally {
      this.doc.off('update', capture)
    }
    if (integrated) this.broadcast(encodeUpdate(integrated), except)
  }

  private applyInOneTransaction(updates: readonly { update: Uint8Array }[]): void {
    this.fullStateFrame = null
    this.doc.transact(() => {
      // A stored update Yjs cannot apply throws to applySafely: the room is dropped and its reload
      // refuses the document as damaged, as a load does (room-registry.ts).
      for (const { update } of updates) Y.applyUpdate(this.doc, update, 'commit')
    }, 'commit')
  }

  /**
   * Applies a batch holding a restore by loading the document the restore leaves instead of
   * applying its change. A restore can delete a whole document's items, and Yjs 13 merges deleted
   * items with one array splice each, quadratic in the document: undoing 20,000 pasted rows held the
   * event loop 1.1–1.5 s on a quiet machine (0.9 s of it in Yjs's tryMergeDeleteSet); loading the
   * result takes about a tenth of that (`node --import tsx bench/restore-apply.ts`). Edits committed
   * after the restore was planned are carried over from the current doc; the batch's other updates
   * are applied on top.
   */
  private replaceDoc(restore: CommittedUpdate, items: readonly CommittedUpdate[], except: Connection | null): void {
    const next = new Y.Doc()
    Y.applyUpdate(next, restore.leaves!, 'commit')
    // Everything the current doc holds that the restore's plan did not (its delete set is always whole).
    Y.applyUpdate(next, Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(next)), 'commit')
    for (const item of items) {
      if (item === restore) continue
      Y.applyUpdate(next, item.update, 'commit')
    }
    this.doc.destroy()
    this.doc = next
    this.fullStateFrame = null
    if (restore.reopen) {
      // Its deletion would overflow the clients' stacks: they load the document it leaves instead.
      this.closeAll(CloseCode.documentReplaced, CloseReason[CloseCode.documentReplaced])
      return
    }
    // Clients apply the change itself (with the batch's other updates), like any edit.
    this.broadcast(encodeUpdate(items.length === 1 ? items[0].update : Y.mergeUpdates(items.map((i) => i.update))), except)
  }

  /** Called when a batch could not be stored: nothing was applied or relayed; senders resend on reconnect. */
  failCommitted(items: readonly PendingUpdate[]): void {
    this.pending -= items.length
    for (const item of items) this.storedBytes -= item.update.byteLength
    if (this.pending === 0) this.queuedClocks.clear()
    for (const item of items) {
      if (item.from?.isOpen()) item.from.close(CloseCode.storageFailed, CloseReason[CloseCode.storageFailed])
    }
  }

  private holds(seq: number): boolean {
    return seq <= this.mergedThrough || this.mergedAbove.has(seq)
  }

  private markMerged(seq: number): void {
    if (seq <= this.mergedThrough) return
    this.mergedAbove.add(seq)
    while (this.mergedAbove.delete(this.mergedThrough + 1)) this.mergedThrough++
  }

  /** A presence change of people here: to the other connections here (and, with several instances, published). */
  private relayPresence(update: Uint8Array, from: Connection): void {
    this.broadcast(encodeAwareness(update), from)
    this.events.onPresence?.(this, update)
  }

  /** Presence published by another instance: relayed to every connection here, never published again. */
  applyRemotePresence(update: Uint8Array, now: number): void {
    if (this.closed) return
    const changed = this.awareness.applyRemote(update, now)
    if (changed) this.broadcast(encodeAwareness(changed), null)
  }

  /** Drops the presence of people on instances not heard from since `before`; tells the connections here. */
  expireRemotePresence(before: number): void {
    const removal = this.awareness.expireRemote(before)
    if (removal) this.broadcast(encodeAwareness(removal), null)
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
