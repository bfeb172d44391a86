// The storage's background writes, on a thread of their own: SQLite's WAL checkpoints (see
// storage-thread.ts), moving update-journal rows into the log (see document-store.ts) and, with
// synchronous=NORMAL, the flush cycle that bounds what a power loss can take (below).
// Plain JavaScript so the worker loads the same way under node, tsx and vitest, none of which hand
// their TypeScript loader to worker threads; the transfer's SQL comes from the TypeScript side.
import Database from 'libsql'
import { closeSync, fdatasyncSync, fstatSync, fsyncSync, openSync, readlinkSync, statSync, unlinkSync } from 'node:fs'
import { dirname } from 'node:path'
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

// The flush cycle (workerData.flush: { walPath, intervalMs, stats }): every interval, fdatasync of
// the update journal's segments (the open one and sealed ones whose rows are not all in the log
// yet) and of the WAL, each if it changed, so a power loss takes at most the last interval of
// commits. A segment the journal reports done (all its rows in the log) is deleted after a WAL sync
// that began after that. Here rather than on the event loop: there each cycle was several
// thread-pool round trips and wakes of the event loop, ten times a second, beside the relays; here
// it is one wake of a low-priority thread and plain system calls.
const flush = workerData.flush ?? null
/** [WAL flushes, failures, journal segment syncs, segments deleted], read by the main thread. */
const flushStats = flush ? new Int32Array(flush.stats) : null
/** The journal's open segment ({ path, fd, synced, named }), the sealed ones and the done ones (fd may be null). */
let segment = null
const sealedSegments = []
const doneSegments = []
const wal = { fd: null, ino: 0, seen: '' }

function openSegment(path) {
  // fdatasync needs no write access on Linux; the journal writes through its own descriptor.
  const fd = openSync(path, 'r')
  if (segment) sealedSegments.push(segment)
  segment = { path, fd, synced: 0, named: false }
}

function segmentDone(path) {
  const i = sealedSegments.findIndex((s) => s.path === path)
  doneSegments.push(i >= 0 ? sealedSegments.splice(i, 1)[0] : { path, fd: null })
}

function syncSegment(s) {
  const size = fstatSync(s.fd).size
  if (size === s.synced) return
  if (!s.named) {
    // The first sync of a new file also syncs its directory entry, so its name survives a power loss.
    const dir = openSync(dirname(s.path), 'r')
    try { fsyncSync(dir) } finally { closeSync(dir) }
    s.named = true
  }
  fdatasyncSync(s.fd)
  s.synced = size
  Atomics.add(flushStats, 2, 1)
}

function syncWal(force) {
  const now = statSync(flush.walPath, { throwIfNoEntry: false })
  if (!now) return // no WAL yet: nothing committed since the last checkpoint
  const seen = `${now.ino}:${now.size}:${now.mtimeMs}`
  if (seen === wal.seen && !force) return
  if (wal.fd === null || wal.ino !== now.ino) {
    // SQLite recreates the WAL file when the last connection closed it; follow the new file.
    if (wal.fd !== null) closeSync(wal.fd)
    wal.fd = openSync(flush.walPath, 'r+')
    wal.ino = now.ino
  }
  fdatasyncSync(wal.fd)
  wal.seen = seen
  Atomics.add(flushStats, 0, 1)
}

function flushCycle() {
  // Done before this cycle's WAL sync began: their rows are in the WAL it syncs.
  const deletable = doneSegments.splice(0)
  try {
    for (const s of sealedSegments) syncSegment(s)
    if (segment) syncSegment(segment)
    syncWal(deletable.length > 0)
  } catch (err) {
    doneSegments.unshift(...deletable)
    Atomics.add(flushStats, 1, 1)
    parentPort.postMessage({ type: 'error', message: `flushing the WAL failed; retrying: ${err instanceof Error ? err.message : String(err)}` })
    return
  }
  for (const s of deletable) {
    if (s.fd !== null) closeSync(s.fd)
    try {
      unlinkSync(s.path)
      Atomics.add(flushStats, 3, 1)
    } catch (err) {
      parentPort.postMessage({ type: 'error', message: `deleting a journal segment failed: ${err instanceof Error ? err.message : String(err)}` })
    }
  }
}

const timer = setInterval(run, workerData.intervalMs)
const flushTimer = flush ? setInterval(flushCycle, flush.intervalMs) : null
parentPort.on('message', (message) => {
  if (message?.type === 'transfer') {
    transfer(message.id, message.rows)
    return
  }
  if (message?.type === 'segment') {
    try { openSegment(message.path) } catch (err) {
      parentPort.postMessage({ type: 'error', message: `opening a journal segment failed: ${err instanceof Error ? err.message : String(err)}` })
    }
    return
  }
  if (message?.type === 'segment-done') {
    segmentDone(message.path)
    return
  }
  if (message !== 'stop') return
  clearInterval(timer)
  if (flushTimer) {
    clearInterval(flushTimer)
    flushCycle()
    // Descriptors belong to the process, not to this thread: close them before it ends.
    for (const s of [segment, ...sealedSegments, ...doneSegments]) if (s?.fd != null) closeSync(s.fd)
    if (wal.fd !== null) closeSync(wal.fd)
  }
  run()
  db.close()
  parentPort.close()
})
