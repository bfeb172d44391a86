// Group commit: every update received in one event-loop turn, across all documents, is appended to
// the log in one transaction (DocumentStore.append), which also numbers them. Only after it commits
// are the updates applied and relayed (Room.applyCommitted), so a relay never runs ahead of its
// commit. One batch is in flight at a time; what arrives meanwhile forms the next batch, so batches
// grow with load instead of queueing transactions.
import type { Appended, DocumentStore } from '../storage/document-store'
import type { Connection } from './connection'
import type { Room } from './room'

import type { BatchItem } from 'drizzle-orm/batch'

interface Waiter { resolve(alongside: unknown[]): void; reject(err: Error): void }

export interface PendingUpdate {
  room: Room
  /** The sending connection; null for a server-made change (a restore). */
  from: Connection | null
  update: Uint8Array
  /** Set only by callers that wait for the commit (server-made changes), not on the hot path. */
  done?: Waiter
  /** Statements that commit with this update, all or nothing (server-made changes only). */
  alongside?: readonly BatchItem<'sqlite'>[]
  /** A restore only: the document this update leaves, as of when it was planned (built off the event loop). */
  leaves?: Uint8Array
  /**
   * A restore that deletes content nested beyond the limits: its connections are closed with
   * CloseCode.documentReplaced (they open the document afresh) instead of being sent the change.
   */
  reopen?: boolean
}

/** An update the database has, with the sequence number it was given there. */
export interface CommittedUpdate extends PendingUpdate { seq: number }

export class CommitQueue {
  private queue: PendingUpdate[] = []
  private inFlight: Promise<void> | null = null
  private scheduled = false
  /** Figures for the benchmark and /api/health. */
  readonly stats = { batches: 0, updates: 0, failures: 0 }

  constructor(private store: DocumentStore, private onError: (err: Error) => void = () => {}) {}

  enqueue(item: PendingUpdate): void {
    this.queue.push(item)
    this.schedule()
  }

  /** Resolves when everything enqueued so far is committed (or failed). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.inFlight) {
      if (this.inFlight) await this.inFlight
      else await this.flush()
    }
  }

  /** At the end of this turn, after every socket read of the turn has enqueued its updates. */
  private schedule(): void {
    if (this.scheduled || this.inFlight) return
    this.scheduled = true
    setImmediate(this.runScheduled)
  }

  private readonly runScheduled = () => {
    this.scheduled = false
    void this.flush()
  }

  private flush(): Promise<void> {
    if (this.inFlight || this.queue.length === 0) return this.inFlight ?? Promise.resolve()
    const batch = this.queue
    this.queue = []
    this.inFlight = this.store.append(batch.map((i) => ({ documentId: i.room.documentId, update: i.update, alongside: i.alongside })))
      .then((appended) => this.settle(batch, appended, null), (err: Error) => this.settle(batch, null, err))
      // Nothing runs after a flush but this: a fault in settling is logged, never an unhandled rejection.
      .catch((err: Error) => this.onError(new Error(`settling a committed batch failed: ${err.message}`)))
      .finally(() => {
        this.inFlight = null
        if (this.queue.length > 0) this.schedule()
      })
    return this.inFlight
  }

  /** After the batch's commit (or its failure): apply and relay it, or tell its senders. */
  private settle(batch: PendingUpdate[], appended: Appended[] | null, error: Error | null): void {
    if (error || !appended) {
      this.stats.failures++
      this.onError(error ?? new Error('commit returned no sequence numbers'))
    } else {
      this.stats.batches++
      this.stats.updates += batch.length
    }
    const byRoom = new Map<Room, CommittedUpdate[]>()
    batch.forEach((item, i) => {
      const committed = { ...item, seq: appended?.[i].seq ?? 0 }
      const list = byRoom.get(item.room)
      if (list) list.push(committed)
      else byRoom.set(item.room, [committed])
    })
    try {
      for (const [room, items] of byRoom) {
        if (appended) room.applyCommitted(items)
        else room.failCommitted(items)
      }
    } finally {
      // Whatever happened above, a server-made change's caller is answered: committed or not.
      batch.forEach((item, i) => {
        if (!item.done) return
        if (appended) item.done.resolve(appended[i].alongside)
        else item.done.reject(error!)
      })
    }
  }
}
