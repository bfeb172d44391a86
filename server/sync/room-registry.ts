// Loads documents on first connect, unloads them a while after the last connection leaves,
// compacts their logs in the background, and closes connections whose access changed.
import type { BatchItem } from 'drizzle-orm/batch'
import * as Y from 'yjs'
import { CloseCode, CloseReason } from '../../shared/close-codes'
import { HttpError } from '../http/errors'
import { DamagedDocumentError, type DocumentStore, type StoredDocument } from '../storage/document-store'
import type { CommitQueue, CommittedUpdate } from './commit-queue'
import type { Connection } from './connection'
import { contained } from './contained'
import { Room } from './room'
import { COMPACT_AT_ONCE_FACTOR, COMPACT_WHEN_QUIET_MS, MIN_UNLOAD_DELAY_MS } from './tuning'

export interface RoomRegistryOptions {
  /** Log rows past which a room's log is compacted, once the room is quiet (see tuning.ts). */
  compactThreshold: number
  /** How long a room must go without new rows before it compacts (tests shorten it). */
  compactWhenQuietMs?: number
  /** How long a compaction lease lasts (see tuning.ts). */
  compactionLeaseMs: number
  unloadAfterMs: number
  /** This process, as the holder of compaction leases (instances sharing the database compact a document one at a time). */
  instanceId: string
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void }
  /** Several instances (REDIS_URL): how rooms hear of the rows other instances commit. Null: one process. */
  fanout?: RoomFanout | null
  /** A room committed edits here or loaded: its search rows are due a rewrite (server/search/search-indexer.ts). */
  onDocumentChanged?: (room: Room) => void
}

/** The registry's side of the fan-out between instances (server/cluster/redis-fanout.ts). */
export interface RoomFanout {
  /** Before a document loads: other instances' commits to it arrive from now on. */
  subscribe(documentId: string): Promise<void>
  unsubscribe(documentId: string): void
  /** This instance committed, applied and relayed these rows of the room. */
  committed(room: Room, items: readonly CommittedUpdate[]): void
  /** The presence of people connected here changed. */
  presence(room: Room, update: Uint8Array): void
}

export class RoomRegistry {
  private rooms = new Map<string, Room>()
  private loading = new Map<string, Promise<Room>>()
  private unloadTimers = new Map<string, NodeJS.Timeout>()
  /** Rooms past the compaction threshold, waiting for a quiet moment. */
  private compactTimers = new Map<Room, NodeJS.Timeout>()
  /** `compactionsLeft`: compactions not done here because another instance holds the document's lease. */
  readonly stats = { loads: 0, unloads: 0, compactions: 0, compactionsLeft: 0, catchUps: 0 }
  /** Documents refused because their stored log is not whole, for /api/health (until a restart). */
  readonly damaged = new Map<string, { problem: string; detectedAt: string }>()

  constructor(private store: DocumentStore, private commits: CommitQueue, private opts: RoomRegistryOptions) {}

  get loadedCount(): number {
    return this.rooms.size
  }

  loaded(documentId: string): Room | undefined {
    return this.rooms.get(documentId)
  }

  /**
   * The loaded room of a document, loading it if needed. A failed load rejects and caches
   * nothing, so an empty document can never be served (or stored) in place of the real one.
   */
  async acquire(documentId: string, workspaceId: string): Promise<Room> {
    const room = this.rooms.get(documentId)
    if (room) {
      // Keep it loaded until the connection that asked for it has had time to join.
      this.scheduleUnload(room)
      return room
    }
    let loading = this.loading.get(documentId)
    if (!loading) {
      loading = this.load(documentId, workspaceId).finally(() => this.loading.delete(documentId))
      this.loading.set(documentId, loading)
    }
    return loading
  }

  private async load(documentId: string, workspaceId: string): Promise<Room> {
    try {
      return await this.loadWhole(documentId, workspaceId)
    } catch (err) {
      if (err instanceof DamagedDocumentError) {
        this.damaged.set(documentId, { problem: err.problem, detectedAt: new Date().toISOString() })
        // Loud, once per attempt; the rows are left exactly as they are, as evidence and for repair.
        this.opts.log.error({ documentId, problem: err.problem }, 'refusing a damaged document')
      }
      throw err
    }
  }

  private async loadWhole(documentId: string, workspaceId: string): Promise<Room> {
    const fanout = this.opts.fanout
    // Subscribed first, then read: a row committed elsewhere meanwhile is in the read or arrives after it.
    if (fanout) await fanout.subscribe(documentId)
    let stored
    try {
      stored = await this.store.load(documentId)
    } catch (err) {
      fanout?.unsubscribe(documentId)
      throw err
    }
    const doc = new Y.Doc()
    // The room refuses what Yjs cannot apply before storing it, so a stored record that fails to
    // apply was damaged in the database (a torn write, a hand edit): skipping it would serve less
    // than was committed. So would updates whose dependencies never arrived (a log that lost rows).
    const problem = applyStored(doc, stored) ?? (doc.store.pendingStructs || doc.store.pendingDs ? 'its log holds updates whose dependencies are missing' : null)
    if (problem) {
      doc.destroy()
      fanout?.unsubscribe(documentId)
      throw new DamagedDocumentError(documentId, problem)
    }
    this.damaged.delete(documentId)
    const storedBytes = (stored.state?.byteLength ?? 0) + stored.updates.reduce((sum, u) => sum + u.update.byteLength, 0)
    const room = new Room(documentId, workspaceId, doc, { maxSeq: stored.maxSeq, logRows: stored.updates.length, storedBytes }, this.commits, {
      onEmpty: (r) => this.scheduleUnload(r),
      onLogGrown: (r) => {
        this.maybeCompact(r)
        this.opts.onDocumentChanged?.(r)
      },
      onProtocolError: (conn, err) => this.opts.log.warn({ documentId, userId: conn.user.id, err: err.message }, 'closing a connection on bad input'),
      onBroken: (r, err) => this.drop(r, err),
      onCommitted: fanout ? (r, items) => fanout.committed(r, items) : undefined,
      onPresence: fanout ? (r, update) => fanout.presence(r, update) : undefined,
      contain: (r, what, fn) => this.roomTimer(r, what, fn),
    })
    this.rooms.set(documentId, room)
    this.stats.loads++
    this.scheduleUnload(room)
    this.maybeCompact(room)
    this.opts.onDocumentChanged?.(room)
    // What was published between the subscription and now found no room here: read it back.
    if (fanout) void this.catchUp(room).catch(() => {})
    return room
  }

  /**
   * The room with every update committed so far by any instance: what a server-side change (a
   * restore, a meeting's versions, the decision queue, the agenda) must build on. One process: the
   * loaded room is that already.
   */
  async acquireLatest(documentId: string, workspaceId: string): Promise<Room> {
    const room = await this.acquire(documentId, workspaceId)
    if (this.opts.fanout) await this.catchUp(room)
    return room
  }

  /** Reads the log rows after the room's `mergedThrough` (and a newer compacted state) and applies what it lacks. */
  async catchUp(room: Room): Promise<void> {
    try {
      room.applyStored(await this.store.load(room.documentId, room.mergedThrough))
      this.stats.catchUps++
    } catch (err) {
      this.opts.log.error({ documentId: room.documentId, err: (err as Error).message }, 'catching up from the database failed')
      throw err
    }
  }

  /** The loaded rooms (for a Redis reconnect: each catches up). */
  loadedRooms(): IterableIterator<Room> {
    return this.rooms.values()
  }

  join(room: Room, conn: Connection): void {
    this.cancelUnload(room.documentId)
    room.join(conn)
  }

  private scheduleUnload(room: Room): void {
    this.cancelUnload(room.documentId)
    const timer = setTimeout(this.roomTimer(room, 'unloading a document', () => this.tryUnload(room)), Math.max(this.opts.unloadAfterMs, MIN_UNLOAD_DELAY_MS))
    timer.unref()
    this.unloadTimers.set(room.documentId, timer)
  }

  /** A room's timer callback whose fault drops that room (its clients get 4503 and reload it), never the process. */
  private roomTimer(room: Room, what: string, fn: () => void): () => void {
    return contained(this.opts.log, `${what} (${room.documentId})`, fn, (err) => { if (!room.closed) this.drop(room, err) })
  }

  private cancelUnload(documentId: string): void {
    const timer = this.unloadTimers.get(documentId)
    if (timer) clearTimeout(timer)
    this.unloadTimers.delete(documentId)
  }

  private tryUnload(room: Room): void {
    this.unloadTimers.delete(room.documentId)
    if (room.connections.size > 0 || room.closed) return
    if (room.pending > 0 || room.compacting) {
      this.scheduleUnload(room)
      return
    }
    room.closed = true
    this.cancelCompactTimer(room)
    this.rooms.delete(room.documentId)
    this.opts.fanout?.unsubscribe(room.documentId)
    room.doc.destroy()
    this.stats.unloads++
  }

  /**
   * A copy that failed to apply committed updates is closed now: its clients get 4503, reconnect and
   * resend what they hold, and the next connection loads the document afresh from the database.
   */
  private drop(room: Room, err: Error): void {
    this.opts.log.error({ documentId: room.documentId, err: err.message, stack: err.stack }, 'applying committed updates failed; the document is reloaded from the database')
    this.discard(room, CloseCode.storageFailed)
  }

  /**
   * Another instance restored the document over content nested beyond the limits (fanout 'reopen'):
   * its deletion is not applied here (it would overflow the stack); the clients open the document
   * afresh (4410) and the next connection loads the flat state that restore stored.
   */
  reopen(room: Room): void {
    if (room.closed) return
    this.discard(room, CloseCode.documentReplaced)
  }

  private discard(room: Room, code: number): void {
    room.closeAll(code, CloseReason[code])
    room.closed = true
    this.cancelUnload(room.documentId)
    this.cancelCompactTimer(room)
    if (this.rooms.get(room.documentId) === room) this.rooms.delete(room.documentId)
    this.opts.fanout?.unsubscribe(room.documentId)
    room.doc.destroy()
  }

  /**
   * Compaction encodes the whole document and rewrites its state on the event loop (~5–12 ms for a
   * meeting document), which every client in every room would feel as a stalled relay. So a room
   * past the threshold compacts when it has gone COMPACT_WHEN_QUIET_MS without new rows, between
   * bursts of typing, unless its log reaches COMPACT_AT_ONCE_FACTOR× the threshold first.
   */
  private maybeCompact(room: Room): void {
    if (room.compacting || room.closed || room.logRows < this.opts.compactThreshold) return
    if (room.logRows >= this.opts.compactThreshold * COMPACT_AT_ONCE_FACTOR) {
      this.cancelCompactTimer(room)
      room.compacting = true
      setImmediate(() => void this.compact(room))
      return
    }
    if (this.compactTimers.has(room)) return
    const waitForQuiet = (rowsBefore: number) => {
      const timer = setTimeout(this.roomTimer(room, 'scheduling a compaction', () => {
        this.compactTimers.delete(room)
        if (room.logRows !== rowsBefore) waitForQuiet(room.logRows)
        else if (!room.compacting && !room.closed) void this.compact(room)
      }), this.opts.compactWhenQuietMs ?? COMPACT_WHEN_QUIET_MS)
      timer.unref()
      this.compactTimers.set(room, timer)
    }
    waitForQuiet(room.logRows)
  }

  private cancelCompactTimer(room: Room): void {
    const timer = this.compactTimers.get(room)
    if (timer) clearTimeout(timer)
    this.compactTimers.delete(room)
  }

  /**
   * Stores the document as the state that covers the log up to `mergedThrough` (every row up to it
   * is in the document: no gaps below it) and deletes those rows; later rows stay in the log. The
   * state may hold some of them too (this process's own, above a gap): Yjs applies them twice harmlessly.
   * Only the holder of the document's compaction lease does it; another instance then counts the
   * stored bytes from the database (the size limit) and asks again a threshold of rows later.
   */
  compact(room: Room): Promise<void> {
    const running = this.compactOnce(room).finally(() => this.compactions.delete(room))
    this.compactions.set(room, running)
    return running
  }

  private compactions = new Map<Room, Promise<void>>()

  /**
   * Commits a restore (`commit`, given the statements to add to its transaction) so that the
   * document's stored form is `state`, the document the restore leaves, through `throughSeq` (every
   * row up to it is in `state`): the rows it merged are deleted with the change. Content nested
   * thousands deep (stored before the limits) is then never deleted again by a load here or
   * elsewhere, which Yjs does one call per level and overflows the stack; `state` holds it only as
   * flat garbage-collected ranges. Compactions of the room wait meanwhile (one would store the
   * document as it was before the restore). Without the lease (another instance is compacting) the
   * change commits uncompacted, unless `mustCompact` (it deletes such nesting): then nothing is
   * committed and the caller is answered 503.
   */
  async commitRestore<T>(room: Room, state: Uint8Array, throughSeq: number, mustCompact: boolean, commit: (alongside: BatchItem<'sqlite'>[]) => Promise<T>): Promise<T> {
    // A compaction is flagged a turn before it starts (maybeCompact): then wait a turn.
    while (room.compacting) await (this.compactions.get(room) ?? new Promise((resolve) => setImmediate(resolve)))
    room.compacting = true
    try {
      const held = await this.store.claimCompaction(room.documentId, this.opts.instanceId, this.opts.compactionLeaseMs)
      if (!held && mustCompact) throw new HttpError(503, 'another instance is compacting this document; nothing was changed, try again in a moment')
      const result = await commit(held ? this.store.compaction(room.documentId, state, throughSeq, this.opts.instanceId) : [])
      if (held) {
        room.logRows = Math.max(0, room.mergedThrough - throughSeq) // the rows above throughSeq stay (the restore's own among them)
        room.storedBytes = await this.store.storedBytes(room.documentId)
      }
      return result
    } finally {
      room.compacting = false
    }
  }

  private async compactOnce(room: Room): Promise<void> {
    room.compacting = true
    const throughSeq = room.mergedThrough
    const rowsMerged = room.logRows
    const bytesMerged = room.storedBytes
    try {
      let done = await this.store.claimCompaction(room.documentId, this.opts.instanceId, this.opts.compactionLeaseMs)
      const state = done ? Y.encodeStateAsUpdate(room.doc) : null
      if (state) done = await this.store.compact(room.documentId, state, throughSeq, this.opts.instanceId)
      if (state && done) {
        room.logRows = Math.max(0, room.logRows - rowsMerged)
        // The merged rows' bytes become the state's; what arrived meanwhile stays counted.
        room.storedBytes = state.byteLength + (room.storedBytes - bytesMerged)
        this.stats.compactions++
      } else {
        room.storedBytes = await this.store.storedBytes(room.documentId)
        room.logRows = Math.max(0, room.logRows - rowsMerged)
        this.stats.compactionsLeft++
      }
    } catch (err) {
      this.opts.log.error({ documentId: room.documentId, err: (err as Error).message }, 'compaction failed; the log is intact')
    } finally {
      room.compacting = false
    }
  }

  /** Closes the connections that match, e.g. a user's in one workspace after their role changed. */
  closeConnections(match: (room: Room, conn: Connection) => boolean, code: number, reason: string): number {
    let closed = 0
    for (const room of this.rooms.values()) {
      for (const conn of [...room.connections]) {
        if (!match(room, conn)) continue
        conn.close(code, reason)
        room.leave(conn)
        closed++
      }
    }
    return closed
  }

  /** For shutdown: close every connection, then wait for what they sent to be committed. */
  async shutdown(code: number, reason: string): Promise<void> {
    for (const room of this.rooms.values()) room.closeAll(code, reason)
    await this.commits.drain()
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    for (const timer of this.compactTimers.values()) clearTimeout(timer)
    this.compactTimers.clear()
  }
}

/** Applies a stored document to `doc`; the problem with the first record that fails, if one does. */
function applyStored(doc: Y.Doc, stored: StoredDocument): string | null {
  const records = [...(stored.state ? [{ what: 'its compacted state', update: stored.state }] : []), ...stored.updates.map((u) => ({ what: `its update log row ${u.seq}`, update: u.update }))]
  for (const { what, update } of records) {
    try {
      Y.applyUpdate(doc, update)
    } catch (err) {
      return `${what} cannot be read (${(err as Error).message})`
    }
  }
  return null
}
