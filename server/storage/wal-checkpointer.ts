// SQLite checkpoints the WAL into the database file on the commit that crosses 1,000 pages, inside
// that commit: it copies the pages and fsyncs both files on the event loop, a 5–10 ms stall every
// few hundred commits that every client in every room feels. The server turns that off on its own
// connection (`wal_autocheckpoint=0`) and checkpoints from a worker thread instead, every interval.
import { Worker } from 'node:worker_threads'
import { projectPath } from '../paths'

interface CheckpointMessage { type: 'checkpoint'; busy: number; walFrames: number; copiedFrames: number }
interface ErrorMessage { type: 'error'; message: string }

export class WalCheckpointer {
  private worker: Worker | null = null
  private exited: Promise<void> = Promise.resolve()
  /** Figures for /api/health: checkpoints run and the WAL frames they found copied. */
  readonly stats = { checkpoints: 0, walFrames: 0, copiedFrames: 0, failures: 0 }

  constructor(
    private dbPath: string,
    private intervalMs: number,
    private onError: (err: Error) => void = () => {},
    /** The thread ended without stop() (it could not open the database, or crashed): hand checkpoints back to SQLite. */
    private onLost: () => void = () => {},
  ) {}

  start(): void {
    if (this.worker) return
    const worker = new Worker(projectPath('server/storage/wal-checkpoint-worker.mjs'), {
      workerData: { dbPath: this.dbPath, intervalMs: this.intervalMs },
    })
    worker.on('message', (m: CheckpointMessage | ErrorMessage) => {
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
