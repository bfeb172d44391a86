// Group commit: under load, every update received in one event-loop turn, across all documents, is
// appended to the log in one transaction. Only after it commits are the updates relayed and
// applied, so a relay never runs ahead of its commit. One batch is in flight at a time; what arrives
// meanwhile forms the next batch, so batches grow with load instead of queueing transactions.
// The first update of an event-loop turn that finds the queue idle commits at once (unless its room
// has 100+ connections, see TURN_MERGE_FROM_CONNECTIONS), inside the handling of the frame that brought it: waiting for the end of the turn cost ~0.25 ms per edit at
// light load, and waiting for the frame's microtasks (the rest of ws's and the stream's bookkeeping)
// ~0.08 ms, for nothing to share. Updates after it in the same turn (a busy room's socket reads)
// wait for the end of the turn and commit together. With the update journal a commit is
// synchronous, so the relay follows in the same call.
import type { DocumentStore } from '../storage/document-store'
import type { Connection } from './connection'
import type { Room } from './room'

/**
 * A room this big waits for the end of the turn even with the queue idle: its relay is one socket
 * write per connection (200 people: ~3 ms of system calls), so the rest of the turn's edits, which
 * arrive while it runs, should share it rather than need a second one. Measured at 200 clients: the
 * first-edit-at-once path sent ~15% more frames than Hocuspocus's merge per tick.
 */
const TURN_MERGE_FROM_CONNECTIONS = 100

interface Waiter { resolve(): void; reject(err: Error): void }

/** `done` is set only by callers that wait for the commit (server-made changes), not on the hot path. */
export interface PendingUpdate {
  room: Room
  from: Connection | null
  update: Uint8Array
  seq: number
  /**
   * Set for an incremental edit (not a handshake's sync step 2 or a server change): the y-websocket
   * update message that brought it, byte for byte what encodeUpdate(update) gives.
   */
  frame?: Uint8Array
  done?: Waiter
}

export class CommitQueue {
  private queue: PendingUpdate[] = []
  /** An update has committed at once in this turn already: the rest of the turn's updates batch. */
  private committedThisTurn = false
  private inFlight: Promise<void> | null = null
  private scheduled = false
  /** Figures for the benchmark and /api/health. */
  readonly stats = { batches: 0, updates: 0, failures: 0 }

  constructor(private store: DocumentStore, private onError: (err: Error) => void = () => {}) {}

  enqueue(item: PendingUpdate): void {
    this.queue.push(item)
    this.schedule(item)
  }

  /** Resolves when everything enqueued so far is committed (or failed). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.inFlight) {
      if (this.inFlight) await this.inFlight
      else await this.flush()
    }
  }

  private schedule(item: PendingUpdate): void {
    if (this.scheduled || this.inFlight) return
    this.scheduled = true
    if (this.committedThisTurn || item.room.connections.size >= TURN_MERGE_FROM_CONNECTIONS) {
      setImmediate(this.runScheduled)
      return
    }
    this.committedThisTurn = true
    setImmediate(this.endOfTurn)
    this.runScheduled()
  }

  private readonly runScheduled = () => {
    this.scheduled = false
    void this.flush()
  }

  private readonly endOfTurn = () => {
    this.committedThisTurn = false
  }

  private flush(): Promise<void> {
    if (this.inFlight || this.queue.length === 0) return this.inFlight ?? Promise.resolve()
    const batch = this.queue
    this.queue = []
    let appending: void | Promise<void>
    try {
      appending = this.store.append(batch.map((i) => ({ documentId: i.room.documentId, seq: i.seq, update: i.update })))
    } catch (err) {
      this.settle(batch, err as Error)
      return Promise.resolve()
    }
    if (!appending) {
      // Committed already (the journal): relayed within this call, no promise in between.
      this.settle(batch, null)
      return Promise.resolve()
    }
    this.inFlight = appending.then(() => this.settle(batch, null), (err: Error) => this.settle(batch, err)).finally(() => {
      this.inFlight = null
      if (this.queue.length > 0) this.schedule(this.queue[0])
    })
    return this.inFlight
  }

  /** After the batch's commit (or its failure): apply and relay it, or tell its senders. */
  private settle(batch: PendingUpdate[], error: Error | null): void {
    if (error) {
      this.stats.failures++
      this.onError(error)
    } else {
      this.stats.batches++
      this.stats.updates += batch.length
    }
    if (batch.length === 1) {
      const room = batch[0].room
      if (error) room.failCommitted(batch)
      else room.applyCommitted(batch)
    } else {
      for (const [room, items] of groupByRoom(batch)) {
        if (error) room.failCommitted(items)
        else room.applyCommitted(items)
      }
    }
    for (const item of batch) {
      if (!item.done) continue
      if (error) item.done.reject(error)
      else item.done.resolve()
    }
  }
}

function groupByRoom(batch: PendingUpdate[]): Map<Room, PendingUpdate[]> {
  const byRoom = new Map<Room, PendingUpdate[]>()
  for (const item of batch) {
    const list = byRoom.get(item.room)
    if (list) list.push(item)
    else byRoom.set(item.room, [item])
  }
  return byRoom
}
