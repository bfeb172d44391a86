// A worker thread that copies the WAL's committed pages into the database file (a PASSIVE
// checkpoint) every few hundred milliseconds. SQLite would otherwise checkpoint inside whichever
// commit crosses 1,000 WAL pages, on the event loop, fsyncing both files: about 5 ms every ~300
// one-row commits here, which every edit in flight waited for (`npx tsx bench/commit-tail.ts`), and
// far longer on a slow disk. Our connections set wal_autocheckpoint=0 (db/client.ts); this thread
// does that work off the loop. PASSIVE never waits for or blocks readers and writers: what it cannot
// copy now it copies next time.
// Plain JavaScript, so the same file runs from source (tsx does not reach worker threads) and,
// bundled, as dist/server/checkpoint-worker.mjs.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'libsql'

/** @type {{ filePath: string, everyMs: number }} */
const { filePath, everyMs } = workerData
const db = new Database(filePath)
db.exec('PRAGMA busy_timeout=0; PRAGMA wal_autocheckpoint=0')
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), everyMs)
// 'stop': the connection is closed (not left to the thread's end), then the thread ends by itself.
parentPort?.once('message', () => {
  clearInterval(timer)
  db.close()
  parentPort?.close()
})
