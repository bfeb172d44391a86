// CPU per commit of the update log, one row per commit, on an embedded database file: the native
// connection the server appends on (LogConnection, statements prepared once) against the same
// statements as one drizzle batch through @libsql/client (the path of a libSQL server URL).
// Interleaved rounds in one process:  npx tsx bench/commit-cost.ts [commits per round]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, openStorageConnection } from '../server/db/client'
import { DocumentStore } from '../server/storage/document-store'

const COMMITS = Number(process.argv[2] ?? 3000)
const ROUNDS = 3
const update = new Uint8Array(120).fill(7) // about one keystroke's Yjs update

const dir = mkdtempSync(join(tmpdir(), 'quorum-commit-cost-'))
const url = `file:${join(dir, 'bench.db')}`
const database = await openDatabase({ url })
await database.client.execute(`INSERT INTO workspaces (id, name, created_at) VALUES ('w', 'Bench', 0)`)
for (const id of ['native', 'batch']) {
  await database.client.execute({ sql: `INSERT INTO documents (id, workspace_id, kind, title, created_at, updated_at) VALUES (?, 'w', 'notes', ?, 0, 0)`, args: [id, id] })
}
const storage = await openStorageConnection(database, url)
const stores = { native: new DocumentStore(storage.db, Date.now, () => {}, storage.log), batch: new DocumentStore(storage.db) }

console.log(`${COMMITS} one-row commits per round, ${ROUNDS} rounds (the first warms up)`)
for (let round = 1; round <= ROUNDS; round++) {
  for (const [name, store] of Object.entries(stores)) {
    const cpu = process.cpuUsage()
    const start = performance.now()
    for (let i = 0; i < COMMITS; i++) await store.append([{ documentId: name, update }])
    const used = process.cpuUsage(cpu)
    const perCommit = (ms: number) => (ms / COMMITS).toFixed(3)
    console.log(`round ${round}  ${name.padEnd(6)}  CPU ${perCommit((used.user + used.system) / 1000)} ms  wall ${perCommit(performance.now() - start)} ms per commit`)
  }
}
storage.close()
database.client.close()
rmSync(dir, { recursive: true, force: true })
