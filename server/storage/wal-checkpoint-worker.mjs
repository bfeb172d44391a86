// The storage's background writes, on a thread of their own: SQLite's WAL checkpoints (see
// wal-checkpointer.ts) and moving update-journal rows into the log (see document-store.ts).
// Plain JavaScript so the worker loads the same way under node, tsx and vitest, none of which hand
// their TypeScript loader to worker threads; the transfer's SQL comes from the TypeScript side.
import Database from 'libsql'
import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'

// Nothing here is waited on by a client, so this thread yields the CPU to the event loop's relays:
// a lower priority (nice 10) for this thread alone (on Linux the nice value is per thread, named by
// its id, which /proc/thread-self gives). Elsewhere it keeps the default.
try { setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10) } catch { /* not Linux */ }

const db = new Database(workerData.dbPath)
db.exec(`PRAGMA synchronous=${workerData.synchronous ?? 'NORMAL'}`)
db.exec('PRAGMA foreign_keys=ON')
// This thread may wait for the write lock: no client waits on it.
db.exec('PRAGMA busy_timeout=5000')
db.exec('PRAGMA wal_autocheckpoint=0')
// PASSIVE copies what it can without waiting for readers or writers, so it never blocks the server's
// connection; the fsyncs of the WAL and of the database file happen here, not on the event loop.
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').raw(true)
const transferRow = workerData.transferSql ? db.prepare(workerData.transferSql) : null
const begin = db.prepare('BEGIN IMMEDIATE')
const commit = db.prepare('COMMIT')
const rollback = db.prepare('ROLLBACK')

function run() {
  try {
    const [busy, walFrames, copiedFrames] = checkpoint.get()
    parentPort.postMessage({ type: 'checkpoint', busy: Number(busy), walFrames: Number(walFrames), copiedFrames: Number(copiedFrames) })
  } catch (err) {
    parentPort.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) })
  }
}

/** Inserts the rows in one transaction and says so (or why not). */
function transfer(id, rows) {
  try {
    begin.run()
    for (const r of rows) transferRow.run([r.documentId, r.seq, r.update, r.createdAt])
    commit.run()
    parentPort.postMessage({ type: 'transferred', id })
  } catch (err) {
    if (db.inTransaction) rollback.run()
    parentPort.postMessage({ type: 'transfer-failed', id, message: err instanceof Error ? err.message : String(err) })
  }
}

const timer = setInterval(run, workerData.intervalMs)
parentPort.on('message', (message) => {
  if (message?.type === 'transfer') {
    transfer(message.id, message.rows)
    return
  }
  if (message !== 'stop') return
  clearInterval(timer)
  run()
  db.close()
  parentPort.close()
})
