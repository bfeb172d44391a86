// The embedded database's PRAGMAs are per connection, so the client must never open a second
// connection (which would run with SQLite's defaults: no busy timeout, foreign keys off).
import { afterEach, describe, expect, it } from 'vitest'
import { tempDatabase } from '../../helpers/temp-db'

describe('embedded database connection', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => { for (const c of cleanups.splice(0)) c() })

  it('runs everything on one connection with the durability and safety pragmas', async () => {
    const database = await tempDatabase()
    cleanups.push(database.dispose)
    const pragma = async (name: string) => Object.values((await database.client.execute(`PRAGMA ${name}`)).rows[0])[0]
    expect(await pragma('journal_mode')).toBe('wal')
    expect(Number(await pragma('synchronous'))).toBe(1) // NORMAL
    expect(Number(await pragma('busy_timeout'))).toBe(5000)
    expect(Number(await pragma('foreign_keys'))).toBe(1)

    // While a transaction holds the connection, other statements are refused instead of silently
    // running on a fresh connection with default pragmas.
    const tx = await database.client.transaction('write')
    await expect(database.client.execute('PRAGMA busy_timeout')).rejects.toThrow(/transaction/i)
    await tx.rollback()
    tx.close()
    expect(Number(await pragma('busy_timeout'))).toBe(5000)
  })
})
