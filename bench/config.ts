// Command-line flags and environment → what this run of `npm run bench` does.
//   BENCH_QUICK=1            1 run per scenario, 3 s of editing (smoke test)
//   --scenarios=a,b          latency, history (late joiner + ingest), idle, client (bundle size), extras (TODO slots),
//                            cluster (Quorum: clients split across two instances + Redis against all on one)
//   --loads=10x1,200x1       clients x documents for the latency scenario (and the cluster one)
//   --servers=quorum,hocuspocus
//   --runs=N --duration=S --edits=N (ingest size)   runs: 9 for latency, 3 for the rest unless given
//   --profile[=CxD]          also run Quorum under one load (default 200x1) with --cpu-prof and summarise
//   --out=path               JSON output (default bench/results/latest.json)
import type { ServerKind } from './servers/types'
import { REFERENCE_KINDS, SERVER_KINDS } from './servers/types'

/** quorum-base needs a second checkout (BENCH_QUORUM_BASE_ROOT), so it runs only when asked for. */
const DEFAULT_SERVERS: ServerKind[] = ['quorum', ...REFERENCE_KINDS]

export interface Load { name: string; clients: number; documents: number }
export type Scenario = 'latency' | 'history' | 'idle' | 'client' | 'extras' | 'cluster'
export const ALL_SCENARIOS: Scenario[] = ['latency', 'history', 'idle', 'client', 'extras', 'cluster']

export interface BenchConfig {
  quick: boolean
  scenarios: Scenario[]
  loads: Load[]
  /** Loads of the cluster scenario (the three unless --loads is given). */
  clusterLoads: Load[]
  servers: ServerKind[]
  runs: number
  /**
   * Runs of each latency load. A light load's p99 is the 18th–80th slowest of its samples, set by a
   * few edits that met a scheduling stall of the VM (3–5 ms, every server alike), so it moves ±20%
   * from run to run: nine runs give a steadier median, and the pooled p99 draws on all of them.
   */
  latencyRuns: number
  durationS: number
  /** Seconds of untimed edits before each latency window (steady state, not first compilations). */
  warmupS: number
  editsPerSec: number
  decodersPerDoc: number
  padTo: number
  ingestEdits: number
  ingestPadTo: number
  lateJoiners: number
  idleDocuments: number
  /** The load to profile Quorum under, or null for no profile. */
  profile: Load | null
  out: string
}

const DEFAULT_LOADS = '10x1,50x1,200x1,100x20'
const DEFAULT_CLUSTER_LOADS = '10x1,50x1,100x20'

export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): BenchConfig {
  const flags = new Map<string, string>()
  for (const a of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a)
    if (!m) throw new Error(`unknown argument ${a}`)
    flags.set(m[1], m[2] ?? 'true')
  }
  const known = ['scenarios', 'loads', 'servers', 'runs', 'duration', 'edits', 'profile', 'out']
  for (const k of flags.keys()) if (!known.includes(k)) throw new Error(`unknown flag --${k} (known: ${known.join(', ')})`)
  const quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true'
  const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean)
  const scenarios = list(flags.get('scenarios') ?? ALL_SCENARIOS.join(',')) as Scenario[]
  for (const s of scenarios) if (!ALL_SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s}`)
  const servers = list(flags.get('servers') ?? DEFAULT_SERVERS.join(',')) as ServerKind[]
  for (const s of servers) if (!SERVER_KINDS.includes(s)) throw new Error(`unknown server ${s}`)
  const loads = list(flags.get('loads') ?? DEFAULT_LOADS).map(parseLoad)
  const profileFlag = flags.get('profile')
  return {
    quick, scenarios, loads, servers,
    clusterLoads: list(flags.get('loads') ?? DEFAULT_CLUSTER_LOADS).map(parseLoad),
    runs: Number(flags.get('runs') ?? (quick ? 1 : 3)),
    latencyRuns: Number(flags.get('runs') ?? (quick ? 1 : 9)),
    durationS: Number(flags.get('duration') ?? (quick ? 3 : 10)),
    warmupS: quick ? 1 : 2,
    editsPerSec: 2,
    decodersPerDoc: 10,
    padTo: 32,
    ingestEdits: Number(flags.get('edits') ?? 20_000),
    ingestPadTo: 42,
    lateJoiners: 5,
    idleDocuments: 200,
    profile: profileFlag === undefined ? null : parseLoad(profileFlag === 'true' ? '200x1' : profileFlag),
    out: flags.get('out') ?? 'bench/results/latest.json',
  }
}

function parseLoad(l: string): Load {
  const m = /^(\d+)x(\d+)$/.exec(l)
  if (!m) throw new Error(`bad load ${l} (want CLIENTSxDOCUMENTS)`)
  return { name: l, clients: Number(m[1]), documents: Number(m[2]) }
}
