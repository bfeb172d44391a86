// The storage thread: the storage's background writes, off the event loop (the worker is
// storage-thread-worker.mjs). First, checkpoints: SQLite checkpoints the WAL into the database file
// on the commit that crosses 1,000 pages, inside
// that commit: it copies the pages and fsyncs both files on the event loop, a 5–10 ms stall every
// few hundred commits that every client in every room feels. The server turns that off on its own
// connection (`wal_autocheckpoint=0`) and checkpoints from a worker thread instead, every interval.
// The same thread moves update-journal rows into the log (`transfer`), so that those SQLite commits
// do not hold up the event loop either, and, given `flush`, runs the flush cycle of
// synchronous=NORMAL (the WAL and the journal's open segment; see the worker and wal-flusher.ts,
// the same cycle on the event loop, used only if this thread is gone).
import { Worker } from 'node:worker_threads'
import { projectPath } from '../paths'
import type { JournalRow } from './journal-records'
import { TRANSFER_ROW_SQL } from './log-appender'

interface CheckpointMessage { type: 'checkpoint'; busy: number; walFrames: number; copiedFrames: number }
interface ErrorMessage { type: 'error'; message: string }
interface TransferMessage { type: 'transferred'; id: number }
interface TransferFailedMessage { type: 'transfer-failed'; id: number; message: string }
type WorkerMessage = CheckpointMessage | ErrorMessage | TransferMessage | TransferFailedMessage

/** The flush cycle on the thread: the WAL at `walPath` and the segments a journal hands over, every `intervalMs`. */
export interface ThreadFlush { walPath: string; intervalMs: number }

/** What the journal tells the one who syncs and deletes its segments (update-journal.ts). */
export interface SegmentWatcher {
  /** A new segment is open; the previous one is sealed (no more writes) but may hold rows not yet in the log. */
  segmentOpened(path: string): void
  /** Every row of this sealed segment is in the log: delete it after the next WAL sync. */
  segmentDone(path: string): void
}

export class StorageThread implements SegmentWatcher {
  private worker: Worker | null = null
  /** Counters the thread's flush cycle updates in place (no message per cycle): see flushStats. */
  private flushCounters = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT))
  private exited: Promise<void> = Promise.resolve()
  private transfers = new Map<number, { resolve(): void; reject(err: Error): void }>()
  private nextTransferId = 1
  /** Figures for /api/health: checkpoints run and the WAL frames they found copied. */
  readonly stats = { checkpoints: 0, walFrames: 0, copiedFrames: 0, failures: 0 }

  constructor(
    private dbPath: string,
    private intervalMs: number,
    private onError: (err: Error) => void = () => {},
    /** The thread ended without stop() (it could not open the database, or crashed): hand checkpoints back to SQLite. */
    private onLost: () => void = () => {},
    private synchronous: 'FULL' | 'NORMAL' = 'NORMAL',
    private flush: ThreadFlush | null = null,
  ) {}

  /** For /api/health, with the flush cycle on the thread: WAL flushes, failures, journal syncs, segments deleted. */
  get flushStats(): { flushes: number; failures: number; journalSyncs: number; segmentsDeleted: number } | null {
    if (!this.flush) return null
    const [flushes, failures, journalSyncs, segmentsDeleted] = Array.from(this.flushCounters, (_, i) => Atomics.load(this.flushCounters, i))
    return { flushes, failures, journalSyncs, segmentsDeleted }
  }

  segmentOpened(path: string): void {
    this.worker?.postMessage({ type: 'segment', path })
  }

  segmentDone(path: string): void {
    this.worker?.postMessage({ type: 'segment-done', path })
  }

  /** Whether `transfer` can run (the thread is up). */
  get running(): boolean {
    return this.worker !== null
  }

  /** Inserts journal rows into the log in one transaction on the thread; rejects if it cannot. */
  transfer(rows: readonly JournalRow[]): Promise<void> {
    const worker = this.worker
    if (!worker) return Promise.reject(new Error('the storage thread is not running'))
    const id = this.nextTransferId++
    return new Promise((resolve, reject) => {
      this.transfers.set(id, { resolve, reject })
      // Copied tight: an update is often a view into a socket's 64 kB read buffer, and posting a
      // view clones its whole buffer.
      const tight = rows.map((r) => (r.update.byteLength === r.update.buffer.byteLength ? r : { ...r, update: r.update.slice() }))
      worker.postMessage({ type: 'transfer', id, rows: tight })
    })
  }

  start(): void {
    if (this.worker) return
    const worker = new Worker(projectPath('server/storage/storage-thread-worker.mjs'), {
      workerData: {
        dbPath: this.dbPath, intervalMs: this.intervalMs, synchronous: this.synchronous, transferSql: TRANSFER_ROW_SQL,
        flush: this.flush && { ...this.flush, stats: this.flushCounters.buffer },
      },
    })
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'transferred' || m.type === 'transfer-failed') {
        const waiter = this.transfers.get(m.id)
        this.transfers.delete(m.id)
        if (m.type === 'transferred') waiter?.resolve()
        else waiter?.reject(new Error(m.message))
        return
      }
      if (m.type === 'error') {
        this.stats.failures++
        this.onError(new Error(m.message))
        return
      }
      this.stats.checkpoints++
      this.stats.walFrames = m.walFrames
      this.stats.copiedFrames = m.copiedFrames
    })
    worker.on('error', (err) => { this.stats.failures++; this.onError(err) })
    this.exited = new Promise((resolve) => worker.once('exit', () => {
      for (const waiter of this.transfers.values()) waiter.reject(new Error('the storage thread ended'))
      this.transfers.clear()
      if (this.worker === worker) {
        this.worker = null
        this.onLost()
      }
      resolve()
    }))
    // The worker's timer must not keep a stopping process alive.
    worker.unref()
    this.worker = worker
  }

  /** Runs a last checkpoint and ends the thread. */
  async stop(): Promise<void> {
    const worker = this.worker
    this.worker = null
    if (!worker) return
    worker.postMessage('stop')
    await this.exited
  }
}
