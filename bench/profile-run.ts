// `--profile[=CxD]`: runs Quorum once under one load (default 200 clients on 1 document) with node --cpu-prof and summarises the
// server's profile (top self-time functions, time by package). Written to bench/results/.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BenchConfig } from './config'
import { runOnce } from './orchestrate'
import { formatProfile, summariseProfile } from './profile'
import { ROOT } from './servers/launch'

export async function runProfile(cfg: BenchConfig) {
  const dir = join(ROOT, 'bench/results/profiles')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const load = cfg.profile ?? { name: '200x1', clients: 200, documents: 1 }
  const o = await runOnce('quorum', {
    type: 'run', scenario: 'latency',
    params: { clients: load.clients, documents: load.documents, durationS: cfg.durationS, warmupS: cfg.warmupS, editsPerSec: cfg.editsPerSec, decodersPerDoc: cfg.decodersPerDoc, padTo: cfg.padTo, seed: 1 },
  }, { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir] })
  const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f))[0]
  if (!file) return { error: 'no profile written', problems: o.problems }
  const ws = o.probes['window-start'], we = o.probes['window-end']
  const window = ws && we && o.stoppedAt ? { fromEndMs: o.stoppedAt - ws.at, durationMs: we.at - ws.at } : undefined
  const summary = summariseProfile(file, 30, window)
  const text = formatProfile(summary)
  writeFileSync(join(ROOT, 'bench/results/quorum-profile.txt'), `Quorum server, ${load.clients} clients on ${load.documents} document(s), ${cfg.durationS} s of edits (${window ? 'samples of the edit window only' : 'whole process lifetime incl. start-up'})\n` +
    `p99 ${o.result.latencyMs?.p99} ms, server CPU ${o.serverCpuPct?.toFixed(0)}% of a core during edits\n\n${text}\n`)
  console.log(text)
  return { file, window, latencyMs: o.result.latencyMs, serverCpuPct: o.serverCpuPct, otherCpuPct: o.otherCpuPct, summary }
}
