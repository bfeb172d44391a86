// Summarises a V8 .cpuprofile (from node --cpu-prof): top functions by self time, and time by package.
import { readFileSync } from 'node:fs'

interface CpuNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
interface CpuProfile { nodes: CpuNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export interface ProfileSummary {
  totalMs: number
  busyMs: number
  top: { fn: string; where: string; selfMs: number; pctOfBusy: number }[]
  byPackage: { pkg: string; selfMs: number; pctOfBusy: number }[]
}

function packageOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)'
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (nm) return nm[1]
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0]
  const m = /\/work\/main\/([^/]+\/[^/]+)/.exec(url)
  return m ? m[1] : url
}

/**
 * window: only samples in [end − fromEndMs, end − fromEndMs + durationMs] of the profile's clock
 * (the profile ends when the process exits), e.g. the edit window of a run.
 */
export function summariseProfile(path: string, topN = 25, window?: { fromEndMs: number; durationMs: number }): ProfileSummary {
  const prof = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile
  const byId = new Map(prof.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  const from = window ? prof.endTime - window.fromEndMs * 1000 : -Infinity
  const to = window ? from + window.durationMs * 1000 : Infinity
  let t = prof.startTime
  for (let i = 0; i < prof.samples.length; i++) {
    t += prof.timeDeltas[i] ?? 0
    if (t < from || t > to) continue
    self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000)
  }
  const fns = new Map<string, { fn: string; where: string; selfMs: number }>()
  const pkgs = new Map<string, number>()
  let total = 0, idle = 0
  for (const [id, ms] of self) {
    const n = byId.get(id)!
    const { functionName, url, lineNumber } = n.callFrame
    total += ms
    if (functionName === '(idle)') { idle += ms; continue }
    const fn = functionName || '(anonymous)'
    const where = url ? `${url.replace(/^file:\/\/\/work\/main\//, '').replace(/^.*node_modules\//, '')}:${lineNumber + 1}` : ''
    const key = fn + '@' + where
    const e = fns.get(key) ?? { fn, where, selfMs: 0 }
    e.selfMs += ms
    fns.set(key, e)
    const pkg = packageOf(url, fn)
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + ms)
  }
  const busy = total - idle
  const pct = (ms: number) => Math.round((1000 * ms) / busy) / 10
  return {
    totalMs: Math.round(total), busyMs: Math.round(busy),
    top: [...fns.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, topN).map((e) => ({ ...e, selfMs: Math.round(e.selfMs), pctOfBusy: pct(e.selfMs) })),
    byPackage: [...pkgs].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([pkg, ms]) => ({ pkg, selfMs: Math.round(ms), pctOfBusy: pct(ms) })),
  }
}

export function formatProfile(s: ProfileSummary): string {
  const lines = [`busy ${s.busyMs} ms of ${s.totalMs} ms sampled`, '', 'top self time:']
  for (const t of s.top) lines.push(`  ${t.pctOfBusy.toFixed(1).padStart(5)}%  ${String(t.selfMs).padStart(6)} ms  ${t.fn}  ${t.where}`)
  lines.push('', 'self time by package:')
  for (const p of s.byPackage) lines.push(`  ${p.pctOfBusy.toFixed(1).padStart(5)}%  ${String(p.selfMs).padStart(6)} ms  ${p.pkg}`)
  return lines.join('\n')
}

if (process.argv[1] && /profile\.ts$/.test(process.argv[1]) && process.argv[2]) {
  console.log(formatProfile(summariseProfile(process.argv[2], Number(process.argv[3] ?? 25))))
}
