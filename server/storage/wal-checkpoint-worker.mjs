// Runs SQLite's WAL checkpoints on a thread of their own (see wal-checkpointer.ts). Plain JavaScript
// so the worker loads the same way under node, tsx and vitest, none of which hand their TypeScript
// loader to worker threads.
import Database from 'libsql'
import { parentPort, workerData } from 'node:worker_threads'

const db = new Database(workerData.dbPath)
// PASSIVE copies what it can without waiting for readers or writers, so it never blocks the server's
// connection; the fsyncs of the WAL and of the database file happen here, not on the event loop.
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').raw(true)

function run() {
  try {
    const [busy, walFrames, copiedFrames] = checkpoint.get()
    parentPort.postMessage({ type: 'checkpoint', busy: Number(busy), walFrames: Number(walFrames), copiedFrames: Number(copiedFrames) })
  } catch (err) {
    parentPort.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) })
  }
}

const timer = setInterval(run, workerData.intervalMs)
parentPort.on('message', (message) => {
  if (message !== 'stop') return
  clearInterval(timer)
  run()
  db.close()
  parentPort.close()
})
