// Several Quorum instances as an operator runs them (README "Running several instances"): one
// redis-server without persistence, N instances of the server bundle sharing one new database file
// (WAL), each with REDIS_URL, started at the same moment. Ready once every instance reports Redis ready.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startRedis } from '../../tests/helpers/redis'
import { launchQuorum } from './quorum'
import type { LaunchOptions, RunningServer } from './types'

export interface RunningCluster {
  instances: RunningServer[]
  redisPid: number
  stop(): Promise<void>
}

export async function launchQuorumCluster(count: number, opts: LaunchOptions = {}): Promise<RunningCluster> {
  const redis = await startRedis()
  const dir = mkdtempSync(join(tmpdir(), 'quorum-bench-cluster-'))
  const stopAll = async (instances: RunningServer[]) => {
    await Promise.all(instances.map((s) => s.stop()))
    await redis.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  const started = await Promise.allSettled(Array.from({ length: count }, () =>
    launchQuorum({ ...opts, databaseUrl: `file:${join(dir, 'q.db')}`, env: { ...opts.env, REDIS_URL: redis.url } })))
  const instances = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) {
    await stopAll(instances)
    throw failed.reason
  }
  for (const s of instances) await redisReady(s.url)
  return { instances, redisPid: redis.pid, stop: () => stopAll(instances) }
}

async function redisReady(url: string): Promise<void> {
  const end = Date.now() + 20_000
  for (;;) {
    try {
      if ((await (await fetch(`${url}/api/health`)).json()).cluster?.redis === 'ready') return
    } catch { /* starting */ }
    if (Date.now() > end) throw new Error(`${url} did not connect to Redis in 20 s`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
