// The server's storage with synchronous=NORMAL: the flush cycle runs on the storage thread, and
// when that thread ends on its own the event loop takes the cycle (and the journal's segments) back,
// so the power-loss bound still holds.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../server/config'
import { buildDeps } from '../../../server/server'
import { segmentPaths } from '../../../server/storage/update-journal'
import { waitFor } from '../../helpers/wait'

describe('storage thread fallback', () => {
  const cleanups: (() => void | Promise<void>)[] = []
  afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c() })

  it('flushes on the storage thread, and from the event loop once that thread is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quorum-fallback-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const dbPath = join(dir, 'q.db')
    const deps = await buildDeps(loadConfig({ DATABASE_URL: `file:${dbPath}`, SEED_DEMO: 'false', LOG_LEVEL: 'silent', DB_FLUSH_INTERVAL_MS: '20' }))
    cleanups.push(async () => { await deps.walFlusher?.stop(); await deps.storageThread?.stop(); deps.store.close(); deps.client.close() })
    await deps.client.execute('CREATE TABLE scratch (n INTEGER)')
    const thread = deps.storageThread!
    expect(deps.walFlusher).toBeNull() // the cycle is the thread's
    await waitFor(() => (thread.flushStats?.flushes ?? 0) > 0)

    // The thread dies (not stopped): the event loop's flusher takes over, with the journal.
    await (thread as unknown as { worker: Worker }).worker.terminate()
    await waitFor(() => deps.walFlusher !== null)
    const flusher = deps.walFlusher!
    const before = flusher.stats.flushes
    await deps.client.execute('INSERT INTO scratch VALUES (1)')
    await waitFor(() => flusher.stats.flushes > before)

    // Rows now move into the log on the event loop, and the segments this side seals are deleted here.
    await deps.client.execute({ sql: 'INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)', args: ['w1', 'W', 0] })
    await deps.client.execute({
      sql: 'INSERT INTO documents (id, workspace_id, kind, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      args: ['d1', 'w1', 'notes', 'd1', 0, 0],
    })
    const segmentsBefore = segmentPaths(dbPath).map((s) => s.path)
    let seq = 0
    // A segment is sealed once it is a second old and its rows are in the log: keep editing until it is, and gone.
    await waitFor(async () => {
      await deps.store.append([{ documentId: 'd1', seq: ++seq, update: new Uint8Array([1, 2, 3]) }])
      return segmentPaths(dbPath).every((s) => !segmentsBefore.includes(s.path))
    }, { intervalMs: 200 })
    expect(flusher.stats.failures).toBe(0)
    expect((deps.store.journalStats() as { deleted: number }).deleted).toBeGreaterThan(0)
  })
})
