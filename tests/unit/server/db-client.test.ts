// The embedded database's PRAGMAs are per connection, so the client must never open a second
// connection (which would run with SQLite's defaults: no busy timeout, foreign keys off).
import { statSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { MAIN_BUSY_TIMEOUT_MS, openStorageConnection } from '../../../server/db/client'
import { DocumentStore } from '../../../server/storage/document-store'
import { tempDatabase } from '../../helpers/temp-db'
import { waitFor } from '../../helpers/wait'

describe('embedded database connection', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => { for (const c of cleanups.splice(0)) c() })

  it('runs everything on one connection with the durability and safety pragmas', async () => {
    const database = await tempDatabase()
    cleanups.push(database.dispose)
    const pragma = async (name: string) => Object.values((await database.client.execute(`PRAGMA ${name}`)).rows[0])[0]
    expect(await pragma('journal_mode')).toBe('wal')
    expect(Number(await pragma('synchronous'))).toBe(1) // NORMAL
    expect(Number(await pragma('busy_timeout'))).toBe(MAIN_BUSY_TIMEOUT_MS)
    expect(Number(await pragma('foreign_keys'))).toBe(1)
    // No checkpoint inside a commit on the event loop: the storage connection's thread does them.
    expect(Number(await pragma('wal_autocheckpoint'))).toBe(0)

    // While a transaction holds the connection, other statements are refused instead of silently
    // running on a fresh connection with default pragmas.
    const tx = await database.client.transaction('write')
    await expect(database.client.execute('PRAGMA busy_timeout')).rejects.toThrow(/transaction/i)
    await tx.rollback()
    tx.close()
    expect(Number(await pragma('busy_timeout'))).toBe(MAIN_BUSY_TIMEOUT_MS)
  })

  it('copies committed pages into the database file from its checkpoint thread while every connection stays open', async () => {
    const database = await tempDatabase()
    const storage = await openStorageConnection(database, `file:${database.filePath}`)
    cleanups.push(() => storage.close(), database.dispose)
    await database.client.execute(`INSERT INTO workspaces (id, name, created_at) VALUES ('w', 'W', 0)`)
    await database.client.execute(`INSERT INTO documents (id, workspace_id, kind, title, created_at, updated_at) VALUES ('d', 'w', 'notes', 'd', 0, 0)`)
    const store = new DocumentStore(storage.db, Date.now, () => {}, storage.log)
    const fileBytes = () => statSync(database.filePath!).size
    const before = fileBytes()
    // About 1 MB of log rows: with no automatic checkpoint they sit in the WAL until the thread copies them.
    for (let i = 0; i < 100; i++) await store.append([{ documentId: 'd', update: new Uint8Array(10_000).fill(i) }])
    await waitFor(() => fileBytes() > before + 900_000, { timeoutMs: 10_000, message: 'the rows reach the database file' })
  })
})
