// Quorum only: memory of loaded, idle documents. One client per document loads it, then all
// disconnect; the rooms stay loaded (SYNC_TUNING.unloadAfterMs, 30 s) and the RSS delta is divided by N.
import type { ServerInfo } from '../servers/types'
import { BenchClient } from './client'
import { probe, sleep } from './ipc'
import { quorumHealth } from './quorum-setup'
import { prepareTargets } from './targets'

export async function runIdle(server: ServerInfo, p: { documents: number }): Promise<Record<string, unknown>> {
  const n = p.documents
  const targets = await prepareTargets(server, n + 1, n + 1)
  const warm = new BenchClient(n, 'decode', targets.target(n, n))
  await warm.connect()
  warm.edit()
  await sleep(200)
  warm.destroy()
  await sleep(1500)
  const baseline = await probe('baseline')
  const clients = Array.from({ length: n }, (_, i) => new BenchClient(i, 'count', targets.target(i, i)))
  for (let i = 0; i < n; i += 20) await Promise.all(clients.slice(i, i + 20).map((c) => c.connect()))
  await sleep(1000)
  const connected = await probe('connected')
  for (const c of clients) c.destroy()
  await sleep(2000)
  const idle = await probe('idle')
  const health = await quorumHealth(server.url)
  return {
    documents: n,
    loadedDocuments: health.loadedDocuments,
    rssBaselineKb: baseline.rssKb, rssConnectedKb: connected.rssKb, rssIdleKb: idle.rssKb,
    kbPerIdleDoc: (idle.rssKb - baseline.rssKb) / n,
    kbPerConnectedDoc: (connected.rssKb - baseline.rssKb) / n,
    problems: health.loadedDocuments >= n ? [] : [`only ${health.loadedDocuments} documents loaded`],
  }
}
