// Opens the libSQL database (embedded file by default, or a libSQL server URL), sets the
// durability pragmas for local files and applies the committed drizzle migrations. The database
// file, its -wal and its -shm are the only files written; nothing else sits in front of it.
import { createClient, type Client } from '@libsql/client'
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { projectPath } from '../paths'
import { LogConnection } from '../storage/log-connection'
import { startWalCheckpoints } from '../storage/wal-checkpoints'
import { CHECKPOINT_EVERY_MS } from '../sync/tuning'
import * as schema from './schema'
import { withStartLock } from './start-lock'

export type Db = LibSQLDatabase<typeof schema>
export interface Database {
  db: Db
  client: Client
  /** The file of an embedded database (null for a libSQL server or :memory:). */
  filePath: string | null
  synchronous: 'FULL' | 'NORMAL'
  /** Replaces the connection with a fresh one, same pragmas (see isStatementLeftInProgress). */
  reopen(): Promise<void>
}

const MIGRATIONS_DIR = projectPath('drizzle')

/**
 * How long a write on the main connection waits for a write lock held elsewhere. On an embedded file
 * @libsql/client waits synchronously, holding the whole event loop (every room), so the wait is short:
 * longer than our longest write transaction (a large version row, ~0.1–0.3 s), after which the
 * request answers 503 with Retry-After (server/app.ts) rather than stalling everyone for seconds.
 */
export const MAIN_BUSY_TIMEOUT_MS = 500

export async function openDatabase(opts: { url: string; synchronous?: 'FULL' | 'NORMAL' }): Promise<Database> {
  const isLocalFile = opts.url.startsWith('file:')
  let filePath: string | null = null
  if (isLocalFile) {
    const path = opts.url.slice('file:'.length).split('?')[0]
    if (path && path !== ':memory:') {
      filePath = resolve(path)
      mkdirSync(dirname(filePath), { recursive: true })
    }
  }
  const synchronous = opts.synchronous ?? 'NORMAL'
  const { client, reopen } = await connect(opts.url, isLocalFile, { synchronous, busyTimeoutMs: MAIN_BUSY_TIMEOUT_MS })
  // WAL lets readers proceed during the log's appends, and several processes share one file.
  if (isLocalFile) await client.execute('PRAGMA journal_mode=WAL')
  const db = drizzle(client, { schema })
  // Several instances may start at once on one new database: one migrates, the others then find it done.
  await withStartLock(client, () => migrate(db, { migrationsFolder: MIGRATIONS_DIR }))
  return { db, client, filePath, synchronous, reopen }
}

/**
 * The update log's own connections to an embedded file (DocumentStore), both with busy_timeout 0, so
 * a commit that finds the write lock taken (by another process, or by an open transaction on the
 * other connection) fails at once and is retried on a later turn, never blocking the event loop: one
 * through drizzle for loads, compaction and restores, and the native one appends run on
 * (LogConnection). For a libSQL server or :memory: it is the same client, and no native one.
 * With them starts the thread that checkpoints the file's WAL (storage/checkpoint-worker.mjs).
 */
export async function openStorageConnection(database: Database, url: string, onCheckpointError: (err: Error) => void = console.error): Promise<{ db: Db; log: LogConnection | null; close(): void; reopen(): Promise<void> }> {
  if (!database.filePath) return { db: database.db, log: null, close: () => {}, reopen: () => database.reopen() }
  const { client, reopen } = await connect(url, true, { synchronous: database.synchronous, busyTimeoutMs: 0 })
  const log = LogConnection.open(database.filePath, database.synchronous)
  const checkpoints = startWalCheckpoints(database.filePath, CHECKPOINT_EVERY_MS, onCheckpointError)
  return { db: drizzle(client, { schema }), log, close: () => { void checkpoints.stop(); log.close(); client.close() }, reopen }
}

/** `url` may carry a libSQL server's token as `?authToken=…` (read by @libsql/client itself). */
export async function connect(url: string, isLocalFile: boolean, pragmas: { synchronous: string; busyTimeoutMs: number }): Promise<{ client: Client; reopen(): Promise<void> }> {
  // One connection per client for an embedded file: the PRAGMAs below are per connection, and
  // @libsql/client would otherwise open more (with default pragmas) while a transaction holds one.
  const client = createClient({ url, ...(isLocalFile ? { concurrency: 1 } : {}) })
  const setPragmas = async () => {
    // Waiting first: another instance opening the same new file (switching it to WAL) locks it briefly.
    await client.execute('PRAGMA busy_timeout=5000')
    await client.execute(`PRAGMA synchronous=${pragmas.synchronous}`)
    await client.execute('PRAGMA foreign_keys=ON')
    // Checkpoints run on their own thread (storage/checkpoint-worker.mjs), never inside a commit on the event loop.
    await client.execute('PRAGMA wal_autocheckpoint=0')
    await client.execute(`PRAGMA busy_timeout=${pragmas.busyTimeoutMs}`)
  }
  if (isLocalFile) await setPragmas()
  // The client's own reconnect opens connections without our pragmas: they are set again.
  const reopen = async () => {
    if (!isLocalFile) return
    client.reconnect()
    await setPragmas()
  }
  return { client, reopen }
}
