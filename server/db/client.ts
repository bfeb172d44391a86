// Opens the libSQL database (embedded file by default, or a libSQL server URL), sets the
// durability pragmas for local files and applies the committed drizzle migrations.
import { createClient, type Client } from '@libsql/client'
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { projectPath } from '../paths'
import * as schema from './schema'

export type Db = LibSQLDatabase<typeof schema>
export interface Database {
  db: Db
  client: Client
  /** The file of an embedded database and its WAL (null for a libSQL server or :memory:). */
  filePath: string | null
  walPath: string | null
}

const MIGRATIONS_DIR = projectPath('drizzle')

export async function openDatabase(opts: { url: string; authToken?: string; synchronous?: 'FULL' | 'NORMAL' }): Promise<Database> {
  const isLocalFile = opts.url.startsWith('file:')
  let filePath: string | null = null
  if (isLocalFile) {
    const path = opts.url.slice('file:'.length).split('?')[0]
    if (path && path !== ':memory:') {
      filePath = resolve(path)
      mkdirSync(dirname(filePath), { recursive: true })
    }
  }
  // One client connection for an embedded file: the PRAGMAs below are per connection, and @libsql/client
  // would otherwise open more (with default pragmas) whenever a transaction holds the first one. The
  // update log's appends and the WAL checkpoints have connections of their own, with their own
  // pragmas (storage/log-appender.ts, storage/storage-thread.ts).
  const client = createClient({ url: opts.url, authToken: opts.authToken, ...(isLocalFile ? { concurrency: 1 } : {}) })
  if (isLocalFile) {
    // WAL lets readers proceed during the log appends; busy_timeout rides out a concurrent backup.
    await client.execute('PRAGMA journal_mode=WAL')
    await client.execute(`PRAGMA synchronous=${opts.synchronous ?? 'NORMAL'}`)
    await client.execute('PRAGMA busy_timeout=5000')
    await client.execute('PRAGMA foreign_keys=ON')
  }
  const db = drizzle(client, { schema })
  await migrate(db, { migrationsFolder: MIGRATIONS_DIR })
  return { db, client, filePath, walPath: filePath && `${filePath}-wal` }
}
