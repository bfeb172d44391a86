// Several Quorum instances as real server processes: one new database file shared by all, one
// real redis-server, every instance started at the same moment (the way a deploy starts them).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startRedis, type TestRedis } from './redis'
import { startServer, type StartOptions, type TestServer } from './server'
import { waitFor } from './wait'

export interface TestCluster {
  redis: TestRedis
  servers: TestServer[]
  dbPath: string
  /** Stops every instance and Redis, and deletes the database's directory. */
  dispose(): Promise<void>
}

export async function startCluster(opts: { instances?: number } & Omit<StartOptions, 'dbPath' | 'port'> = {}): Promise<TestCluster> {
  const redis = await startRedis()
  const dir = mkdtempSync(join(tmpdir(), 'quorum-cluster-'))
  const dbPath = join(dir, 'quorum.db')
  const { instances = 2, ...start } = opts
  const started = await Promise.allSettled(Array.from({ length: instances }, () =>
    startServer({ ...start, dbPath, env: { ...start.env, REDIS_URL: redis.url } })))
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  const cluster: TestCluster = {
    redis, servers, dbPath,
    async dispose() {
      await Promise.all(cluster.servers.map((s) => s.dispose()))
      await redis.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  const failed = started.find((s) => s.status === 'rejected')
  if (failed) {
    await cluster.dispose()
    throw (failed as PromiseRejectedResult).reason
  }
  await Promise.all(servers.map((s) => redisReady(s)))
  return cluster
}

/** Until the instance reports both its Redis connections ready (/api/health). */
export async function redisReady(server: TestServer): Promise<void> {
  await waitFor(async () => {
    const res = await fetch(`${server.url}/api/health`)
    return res.ok && (await res.json()).cluster?.redis === 'ready'
  }, { message: `${server.url} connected to Redis` })
}
