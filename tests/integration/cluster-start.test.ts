// Instances started at the same moment on one new database file, with Redis: all come up,
// migrations and the demo seed happen once, and a session made on one is good on the other.
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import journal from '../../drizzle/meta/_journal.json'
import { demoPasswordFromOutput } from '../../server/seed/demo-password'
import { DEMO_PEOPLE } from '../../server/seed/demo-workspace'
import { ApiClient } from '../helpers/api'
import { startCluster, type TestCluster } from '../helpers/cluster'
import { waitFor } from '../helpers/wait'

let cluster: TestCluster
// Three at once: the more that start together, the likelier a race in opening the new file would show.
beforeAll(async () => { cluster = await startCluster({ instances: 3, seedDemo: true }) }, 120_000)
afterAll(async () => { await cluster?.dispose() })

describe('instances starting together on one empty database', () => {
  it('all come up healthy and connected to Redis; migrations and the demo seed ran once', async () => {
    for (const server of cluster.servers) {
      const health = await waitFor(async () => {
        const res = await new ApiClient(server.url).get('/api/health')
        return res.status === 200 && res.body.cluster?.redis === 'ready' ? res.body : null
      }, { message: `${server.url} healthy with Redis` })
      expect(health.ok).toBe(true)
    }
    const ids = await Promise.all(cluster.servers.map(async (s) => (await new ApiClient(s.url).get('/api/health')).body.cluster.instanceId))
    expect(new Set(ids).size).toBe(3)

    // Exactly one of them seeded (and printed the one-time demo login).
    expect(cluster.servers.filter((s) => demoPasswordFromOutput(s.output()) !== null)).toHaveLength(1)
    const db = createClient({ url: `file:${cluster.dbPath}` })
    try {
      const count = async (table: string) => Number((await db.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0].n)
      expect(await count('users')).toBe(DEMO_PEOPLE.length)
      expect(await count('workspaces')).toBe(1)
      const migrations = await count('__drizzle_migrations')
      expect(migrations).toBe(journal.entries.length)
      expect(await count('quorum_start_lock')).toBe(0) // released by every one
    } finally {
      db.close()
    }
    // No error logged (pino level 50+), no database contention surfaced.
    for (const s of cluster.servers) expect(s.output()).not.toMatch(/SQLITE_|"level":[56]0/)
  })

  it('accepts a session made on one instance on the other, with that instance\'s own Origin', async () => {
    const [a, b] = cluster.servers
    const seeder = cluster.servers.find((s) => demoPasswordFromOutput(s.output()) !== null)!
    const onA = new ApiClient(a.url)
    const login = await onA.post('/api/auth/login', { email: DEMO_PEOPLE[0].email, password: seeder.demoPassword() })
    expect(login.status).toBe(200)

    const onB = new ApiClient(b.url)
    onB.cookie = onA.cookie
    const me = await onB.get('/api/me')
    expect(me.status).toBe(200)
    expect(me.body.user.email).toBe(DEMO_PEOPLE[0].email)
    // A state-changing request on B with B's own origin, then read back on A.
    const created = await onB.post('/api/workspaces', { name: 'Made on B' })
    expect(created.status).toBe(201)
    expect((await onA.get('/api/me')).body.workspaces.map((w: { name: string }) => w.name)).toContain('Made on B')
    // Another instance's origin is not this one's: refused, as any foreign origin.
    const crossed = new ApiClient(b.url, a.url)
    crossed.cookie = onA.cookie
    expect((await crossed.post('/api/workspaces', { name: 'x' })).status).toBe(403)
  })

  it('counts failed logins sent at once to both instances exactly (one atomic upsert per failure)', async () => {
    const [a, b] = cluster.servers
    const attempts = await Promise.all(Array.from({ length: 60 }, (_, i) =>
      new ApiClient((i % 2 ? b : a).url).post('/api/auth/login', { email: 'nobody@northwind.example', password: 'wrong password' })))
    const counted = attempts.filter((r) => r.status === 401).length
    // Each 401 recorded its failure; a 429 was refused before counting (the budget was spent meanwhile).
    expect(attempts.every((r) => r.status === 401 || r.status === 429)).toBe(true)
    expect(counted).toBeGreaterThan(0)
    const db = createClient({ url: `file:${cluster.dbPath}` })
    try {
      const failures = async (where: string) => (await db.execute(`SELECT failures FROM login_attempts WHERE ${where}`)).rows.map((r) => Number(r.failures))
      expect(await failures(`key = 'email:nobody@northwind.example'`)).toEqual([counted])
      expect(await failures(`key LIKE 'ip:%'`)).toEqual([counted]) // every request came from this one address
    } finally {
      db.close()
    }
  })
})
