// The WAL flusher of synchronous=NORMAL: it syncs the WAL file after commits and only then,
// and it survives a missing WAL file.
import { afterEach, describe, expect, it } from 'vitest'
import { WalFlusher } from '../../../server/storage/wal-flusher'
import { tempDatabase } from '../../helpers/temp-db'

describe('WAL flusher', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => { for (const c of cleanups.splice(0)) c() })

  it('flushes once per change of the WAL and not while it is idle', async () => {
    const database = await tempDatabase()
    cleanups.push(database.dispose)
    expect(database.walPath).toMatch(/q\.db-wal$/)
    const errors: Error[] = []
    const flusher = new WalFlusher(database.walPath!, 60_000, (err) => errors.push(err))
    const write = (n: number) => database.client.execute({ sql: 'INSERT INTO scratch VALUES (?)', args: [n] })
    await database.client.execute('CREATE TABLE scratch (n INTEGER)')
    await flusher.flushIfChanged() // the CREATE itself is a commit
    const before = flusher.stats.flushes

    await write(1)
    await flusher.flushIfChanged()
    expect(flusher.stats.flushes).toBe(before + 1)
    await flusher.flushIfChanged()
    expect(flusher.stats.flushes).toBe(before + 1) // nothing new: no sync

    await write(2)
    await flusher.flushIfChanged()
    expect(flusher.stats.flushes).toBe(before + 2)
    await flusher.stop()
    expect(errors).toEqual([])
  })

  it('does nothing while there is no WAL file and keeps working after a truncating checkpoint', async () => {
    const database = await tempDatabase()
    cleanups.push(database.dispose)
    const flusher = new WalFlusher(`${database.walPath}.missing`, 60_000)
    await flusher.flushIfChanged()
    expect(flusher.stats).toEqual({ flushes: 0, failures: 0 })

    const real = new WalFlusher(database.walPath!, 60_000)
    await database.client.execute('CREATE TABLE scratch (n INTEGER)')
    await real.flushIfChanged()
    // A checkpoint that truncates the WAL to zero bytes, then new commits into it.
    await database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    await database.client.execute('INSERT INTO scratch VALUES (1)')
    await real.flushIfChanged()
    expect(real.stats).toEqual({ flushes: 2, failures: 0 })
    await real.stop()
  })
})
