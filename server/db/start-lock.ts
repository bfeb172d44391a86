// Migrations and the demo seed run under a lock row in the database, so instances that start
// together on one empty database do each step once, one after the other, whatever their timing.
// The row is a lease: a start that died holding it is waited out after LEASE_MS, not forever.
// The table lives outside the drizzle migrations because it must exist before they run.
import type { Client } from '@libsql/client'
import { randomUUID } from 'node:crypto'

/** Far longer than migrations plus the demo seed take (about a second). */
const LEASE_MS = 60_000
const RETRY_MS = 50

export async function withStartLock<T>(client: Client, work: () => Promise<T>): Promise<T> {
  await client.execute(`CREATE TABLE IF NOT EXISTS quorum_start_lock (
    id INTEGER PRIMARY KEY CHECK (id = 1), holder TEXT NOT NULL, expires_at INTEGER NOT NULL)`)
  const holder = randomUUID()
  for (;;) {
    const now = Date.now()
    // One statement: taken if free or expired, in the database's own write transaction.
    const taken = await client.execute({
      sql: `INSERT INTO quorum_start_lock (id, holder, expires_at) VALUES (1, ?, ?)
        ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
        WHERE quorum_start_lock.expires_at < ? RETURNING holder`,
      args: [holder, now + LEASE_MS, now],
    })
    if (taken.rows.length > 0) break
    await new Promise((r) => setTimeout(r, RETRY_MS))
  }
  try {
    return await work()
  } finally {
    await client.execute({ sql: 'DELETE FROM quorum_start_lock WHERE holder = ?', args: [holder] })
  }
}
