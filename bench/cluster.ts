// The cluster scenario: the latency workload with its clients split across two Quorum instances
// (one Redis, one shared database file) against all of them on one instance (no Redis), in the
// same invocation, run by run. Reports edit → remote apply of the edits that crossed instances,
// CPU per instance and Redis's CPU. Targets (issue "Several instances"): cross-instance p99 ≤ 10 ms,
// p50 ≤ the single instance's p50 + 0.5 ms.
import type { BenchConfig, Load } from './config'
import type { LatencyParams } from './load/ipc'
import type { Launched, RunOutcome, runOnce } from './orchestrate'
import { launchQuorumCluster } from './servers/quorum-cluster'
import { median, round } from './stats'

export const CLUSTER_P99_MAX_MS = 10
export const CLUSTER_P50_SLACK_MS = 0.5

async function twoInstances(): Promise<Launched> {
  const cluster = await launchQuorumCluster(2)
  const [a, b] = cluster.instances
  return { server: a, companions: [{ name: 'instance B', pid: b.pid, url: b.url }, { name: 'redis', pid: cluster.redisPid }], stop: cluster.stop }
}

export interface ClusterLoadResult {
  load: string
  single: { p50: number | null; p99: number | null; cpuPct: number | null }
  split: { crossP50: number | null; crossP99: number | null; allP50: number | null; crossSamples: number; cpuA: number | null; cpuB: number | null; redisCpu: number | null }
  targets: { name: string; pass: boolean | null; value: number | null; limit: number | null }[]
}

/** `measured` runs one request with the caller's retry-when-disturbed policy. */
export async function clusterScenario(
  cfg: BenchConfig,
  measured: (label: string, request: Parameters<typeof runOnce>[1], launch?: () => Promise<Launched>) => Promise<RunOutcome>,
  log: (s: string) => void,
): Promise<ClusterLoadResult[]> {
  const out: ClusterLoadResult[] = []
  for (const load of cfg.clusterLoads) {
    log(`\ncluster ${load.name}: all clients on one instance, then split across two`)
    const single: RunOutcome[] = []
    const split: RunOutcome[] = []
    for (let r = 0; r < cfg.runs; r++) {
      const params = latencyParams(cfg, load, r)
      single.push(await measured(`${load.name} one #${r + 1}`, { type: 'run', scenario: 'latency', params }))
      split.push(await measured(`${load.name} two #${r + 1}`, { type: 'run', scenario: 'latency', params }, twoInstances))
    }
    const med = (runs: RunOutcome[], pick: (o: RunOutcome) => number | null | undefined) => round(median(runs.map((o) => pick(o) ?? null)), 2)
    const s = { p50: med(single, (o) => o.result.latencyMs?.p50), p99: med(single, (o) => o.result.latencyMs?.p99), cpuPct: med(single, (o) => o.serverCpuPct) }
    const t = {
      crossP50: med(split, (o) => o.result.crossInstanceMs?.p50), crossP99: med(split, (o) => o.result.crossInstanceMs?.p99),
      allP50: med(split, (o) => o.result.latencyMs?.p50), crossSamples: split.reduce((n, o) => n + (o.result.crossInstanceSamples ?? 0), 0),
      cpuA: med(split, (o) => o.serverCpuPct), cpuB: med(split, (o) => o.companionCpuPct['instance B']), redisCpu: med(split, (o) => o.companionCpuPct.redis),
    }
    const p50Limit = s.p50 === null ? null : round(s.p50 + CLUSTER_P50_SLACK_MS, 2)
    out.push({
      load: load.name, single: s, split: t,
      targets: [
        { name: `cross-instance p99 ≤ ${CLUSTER_P99_MAX_MS} ms, ${load.name}`, value: t.crossP99, limit: CLUSTER_P99_MAX_MS, pass: t.crossP99 === null ? null : t.crossP99 <= CLUSTER_P99_MAX_MS },
        { name: `cross-instance p50 ≤ single p50 + ${CLUSTER_P50_SLACK_MS} ms, ${load.name}`, value: t.crossP50, limit: p50Limit, pass: t.crossP50 === null || p50Limit === null ? null : t.crossP50 <= p50Limit },
      ],
    })
  }
  return out
}

function latencyParams(cfg: BenchConfig, load: Load, r: number): LatencyParams {
  return { clients: load.clients, documents: load.documents, durationS: cfg.durationS, warmupS: cfg.warmupS, editsPerSec: cfg.editsPerSec, decodersPerDoc: cfg.decodersPerDoc, padTo: cfg.padTo, seed: r + 1 }
}

export function formatCluster(results: readonly ClusterLoadResult[]): string {
  const f = (v: number | null) => (v === null ? '—' : v.toFixed(2))
  const lines = ['load     one: p50  p99   CPU%   two: cross p50  cross p99  all p50  CPU% A  CPU% B  Redis CPU%  (cross samples)']
  for (const r of results) {
    lines.push(`${r.load.padEnd(8)} ${f(r.single.p50).padStart(9)} ${f(r.single.p99).padStart(5)} ${f(r.single.cpuPct).padStart(6)}  ${f(r.split.crossP50).padStart(14)} ${f(r.split.crossP99).padStart(10)} ${f(r.split.allP50).padStart(8)} ${f(r.split.cpuA).padStart(7)} ${f(r.split.cpuB).padStart(7)} ${f(r.split.redisCpu).padStart(11)}  (${r.split.crossSamples})`)
  }
  for (const r of results) for (const t of r.targets) lines.push(`${t.pass === null ? '  ?  ' : t.pass ? ' PASS' : ' MISS'}  ${t.name}: ${f(t.value)} ms (limit ${f(t.limit)} ms)`)
  return lines.join('\n')
}
