// The storage thread's checkpoints: with SQLite's own checkpoints off, the worker thread copies committed WAL
// frames into the database file, and stops cleanly with a last checkpoint.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { StorageThread } from '../../../server/storage/storage-thread'
import { tempDatabase } from '../../helpers/temp-db'
import { waitFor } from '../../helpers/wait'

describe('storage thread checkpoints', () => {
  const cleanups: (() => void | Promise<void>)[] = []
  afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c() })

  /** A database whose connection leaves checkpoints to the thread, with a scratch table. */
  async function scratchDatabase(columns: string) {
    const database = await tempDatabase()
    cleanups.push(database.dispose)
    await database.client.execute('PRAGMA wal_autocheckpoint=0')
    await database.client.execute(`CREATE TABLE scratch (${columns})`)
    return { client: database.client, filePath: database.filePath! }
  }

  it('copies committed frames into the database file from its own thread', async () => {
    const { client, filePath } = await scratchDatabase('n INTEGER, pad BLOB')
    const sizeBefore = statSync(filePath).size
    for (let i = 0; i < 200; i++) await client.execute({ sql: 'INSERT INTO scratch VALUES (?, zeroblob(2000))', args: [i] })
    // Nothing has reached the database file yet: every page is still in the WAL.
    expect(statSync(filePath).size).toBe(sizeBefore)

    const errors: Error[] = []
    const checkpointer = new StorageThread(filePath, 50, (err) => errors.push(err))
    checkpointer.start()
    cleanups.push(() => checkpointer.stop())
    await waitFor(() => checkpointer.stats.checkpoints > 0 && checkpointer.stats.copiedFrames >= 200)
    expect(checkpointer.stats.copiedFrames).toBe(checkpointer.stats.walFrames)
    expect(statSync(filePath).size).toBeGreaterThan(sizeBefore + 200 * 2000)
    expect(errors).toEqual([])
  })

  it('runs its thread at a lower priority than the event loop (nice 10 for that thread alone)', async () => {
    const database = await tempDatabase()
    cleanups.push(database.dispose)
    const niceOfThreads = () => readdirSync('/proc/self/task').map((tid) => {
      // Fields after the command name (which is in parentheses); nice is field 19 of the whole line.
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])
    })
    expect(niceOfThreads().filter((n) => n === 10)).toEqual([])
    const checkpointer = new StorageThread(database.filePath!, 50)
    checkpointer.start()
    cleanups.push(() => checkpointer.stop())
    await waitFor(() => checkpointer.stats.checkpoints > 0)
    expect(niceOfThreads().filter((n) => n === 10)).toHaveLength(1)
    expect(niceOfThreads().filter((n) => n === 0).length).toBeGreaterThan(1) // the event loop and the rest keep theirs
  })

  it('reports a thread that ends on its own, so the server can hand checkpoints back to SQLite', async () => {
    const errors: Error[] = []
    let lost = 0
    const checkpointer = new StorageThread('/nonexistent-dir/q.db', 50, (err) => errors.push(err), () => lost++)
    checkpointer.start()
    await waitFor(() => lost === 1)
    expect(errors.length).toBeGreaterThan(0)
    await checkpointer.stop() // nothing left to stop
    expect(lost).toBe(1)
  })

  it('runs a last checkpoint when stopped, and stopping twice is harmless', async () => {
    const { client, filePath } = await scratchDatabase('n INTEGER')
    const checkpointer = new StorageThread(filePath, 60_000)
    checkpointer.start()
    await client.execute('INSERT INTO scratch VALUES (1)')
    await checkpointer.stop()
    await checkpointer.stop()
    expect(checkpointer.stats.checkpoints).toBe(1)
    expect(checkpointer.stats.copiedFrames).toBe(checkpointer.stats.walFrames)
    expect(checkpointer.stats.walFrames).toBeGreaterThan(0)
  })
})
