// The tail of commit latency on an embedded database file: what an edit waits for before it is
// relayed. `thread` is the server's setup (WAL checkpoints on their own thread, storage/checkpoint-worker.mjs);
// `inline` adds what SQLite's automatic checkpoint did before: a PASSIVE checkpoint on the event loop,
// inside the commit that crossed 1,000 WAL pages, which for one-row commits was every ~317th.
//   npx tsx bench/commit-tail.ts [commits per round]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, openStorageConnection } from '../server/db/client'
import { DocumentStore } from '../server/storage/document-store'

const COMMITS = Number(process.argv[2] ?? 30_000)
const WARMUP = 5000
const INLINE_EVERY = 317
const update = new Uint8Array(120).fill(7) // about one keystroke's Yjs update

async function round(mode: 'thread' | 'inline') {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-commit-tail-'))
  const url = `file:${join(dir, 'bench.db')}`
  const database = await openDatabase({ url })
  await database.client.execute(`INSERT INTO workspaces (id, name, created_at) VALUES ('w', 'Bench', 0)`)
  await database.client.execute(`INSERT INTO documents (id, workspace_id, kind, title, created_at, updated_at) VALUES ('d', 'w', 'notes', 'd', 0, 0)`)
  const storage = await openStorageConnection(database, url)
  const store = new DocumentStore(storage.db, Date.now, () => {}, storage.log)
  const ms: number[] = []
  for (let i = 0; i < WARMUP + COMMITS; i++) {
    const start = performance.now()
    await store.append([{ documentId: 'd', update }])
    if (mode === 'inline' && i % INLINE_EVERY === 0) await database.client.execute('PRAGMA wal_checkpoint(PASSIVE)')
    if (i >= WARMUP) ms.push(performance.now() - start)
  }
  storage.close()
  database.client.close()
  rmSync(dir, { recursive: true, force: true })
  ms.sort((a, b) => a - b)
  const q = (p: number) => ms[Math.floor(p * (ms.length - 1))].toFixed(3)
  console.log(`${mode.padEnd(6)}  p50 ${q(0.5)}  p99 ${q(0.99)}  p99.9 ${q(0.999)}  max ${ms.at(-1)!.toFixed(2)} ms  commits over 3 ms: ${ms.filter((x) => x > 3).length}`)
}

console.log(`${COMMITS} one-row commits per round after ${WARMUP} to warm up`)
for (let r = 0; r < 2; r++) {
  await round('inline')
  await round('thread')
}
