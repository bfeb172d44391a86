// The start lock on a real database file, from two connections (as two instances starting at once):
// the steps it guards never overlap, migrating a new database twice at once works, and a lock left
// by a start that died is taken over once its lease has run out.
import { createClient, type Client } from '@libsql/client'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../server/db/client'
import { withStartLock } from '../../../server/db/start-lock'

const cleanups: (() => void)[] = []
afterEach(() => { for (const c of cleanups.splice(0)) c() })

function newDatabaseUrl(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-lock-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return `file:${join(dir, 'q.db')}`
}

async function connect(url: string): Promise<Client> {
  const client = createClient({ url })
  await client.execute('PRAGMA busy_timeout=5000')
  cleanups.unshift(() => client.close())
  return client
}

describe('start lock', () => {
  it('runs the guarded steps of two connections one after the other, never interleaved', async () => {
    const url = newDatabaseUrl()
    const [one, two] = [await connect(url), await connect(url)]
    const events: string[] = []
    const step = (name: string) => async () => {
      events.push(`${name} in`)
      // Several turns of the event loop and database round trips inside the step.
      for (let i = 0; i < 5; i++) await one.execute('SELECT 1')
      events.push(`${name} out`)
      return name
    }
    const results = await Promise.all([withStartLock(one, step('one')), withStartLock(two, step('two'))])
    expect(results).toEqual(['one', 'two'])
    expect([['one in', 'one out', 'two in', 'two out'], ['two in', 'two out', 'one in', 'one out']]).toContainEqual(events)
    expect((await one.execute('SELECT count(*) AS n FROM quorum_start_lock')).rows[0].n).toBe(0)
  })

  it('migrates a new database opened several times at once', async () => {
    const url = newDatabaseUrl()
    const opened = await Promise.all([1, 2, 3].map(() => openDatabase({ url })))
    cleanups.unshift(() => opened.forEach((d) => d.client.close()))
    const tables = await opened[0].client.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'documents'")
    expect(tables.rows).toHaveLength(1)
  })

  it('takes over a lock whose holder died once its lease has expired, and waits for one that has not', async () => {
    const url = newDatabaseUrl()
    const client = await connect(url)
    await withStartLock(client, async () => {}) // creates the table
    await client.execute({ sql: 'INSERT INTO quorum_start_lock (id, holder, expires_at) VALUES (1, ?, ?)', args: ['dead', Date.now() - 1] })
    expect(await withStartLock(client, async () => 'ran')).toBe('ran')

    await client.execute({ sql: 'INSERT INTO quorum_start_lock (id, holder, expires_at) VALUES (1, ?, ?)', args: ['alive', Date.now() + 60_000] })
    let ran = false
    const waiting = withStartLock(client, async () => { ran = true })
    // Still held after several of its retries.
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 50))
    expect(ran).toBe(false)
    await client.execute("DELETE FROM quorum_start_lock WHERE holder = 'alive'")
    await waiting
    expect(ran).toBe(true)
  })
})
