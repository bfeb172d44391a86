// Medians across runs, the comparison table (Quorum / best reference), targets, and the JSON file.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { median, round, type RatioInterval } from './stats'
import { REFERENCE_KINDS, type ServerKind } from './servers/types'

export type Direction = 'lower' | 'higher'
/** One metric: per server, the values of each run and their median. */
export interface Metric { label: string; unit: string; better: Direction; runs: Partial<Record<ServerKind, (number | null)[]>>; median: Partial<Record<ServerKind, number | null>>; best?: number | null; ratio?: number | null }

export class MetricTable {
  readonly metrics = new Map<string, Metric>()
  add(key: string, label: string, unit: string, better: Direction, kind: ServerKind, value: number | null | undefined): void {
    let m = this.metrics.get(key)
    if (!m) this.metrics.set(key, (m = { label, unit, better, runs: {}, median: {} }))
    ;(m.runs[kind] ??= []).push(value ?? null)
  }
  finish(): void {
    for (const m of this.metrics.values()) {
      for (const [kind, values] of Object.entries(m.runs)) m.median[kind as ServerKind] = median(values!)
      const refs = REFERENCE_KINDS.map((k) => m.median[k]).filter((v): v is number => typeof v === 'number')
      m.best = refs.length ? (m.better === 'lower' ? Math.min(...refs) : Math.max(...refs)) : null
      const q = m.median.quorum
      m.ratio = typeof q === 'number' && m.best ? q / m.best : null
    }
  }
}

export interface Target { name: string; key: string; strict: boolean }
export const TARGETS: Target[] = [
  { name: 'p99 ≤ best reference, 10 clients/1 doc', key: 'latency.10x1.p99', strict: false },
  { name: 'p99 ≤ best reference, 50 clients/1 doc', key: 'latency.50x1.p99', strict: false },
  { name: 'p99 ≤ best reference, 200 clients/1 doc', key: 'latency.200x1.p99', strict: false },
  { name: 'p99 ≤ best reference, 100 clients/20 docs', key: 'latency.100x20.p99', strict: false },
  { name: 'late joiner ≤ best reference', key: 'history.lateJoin', strict: false },
  { name: 'ingest ≤ best reference', key: 'history.ingest', strict: false },
  { name: 'server CPU at 200 clients < best reference', key: 'latency.200x1.cpu', strict: true },
]

/**
 * Run r of every server carries the same seeded workload, so runs pair up: Quorum's value over the
 * best reference's in the same run, as a geometric mean over runs, and in how many runs Quorum was
 * at or under it. Less swayed by one slow run than the ratio of medians (the target), which it
 * complements, not replaces.
 */
export function pairedRatio(m: Metric): { geoMean: number; runs: number; atOrUnder: number } | null {
  const q = m.runs.quorum ?? []
  const ratios: number[] = []
  for (let r = 0; r < q.length; r++) {
    const refs = REFERENCE_KINDS.map((k) => m.runs[k]?.[r]).filter((v): v is number => typeof v === 'number' && v > 0)
    const qr = q[r]
    if (typeof qr !== 'number' || qr <= 0 || refs.length === 0) continue
    ratios.push(qr / (m.better === 'lower' ? Math.min(...refs) : Math.max(...refs)))
  }
  if (ratios.length === 0) return null
  const geoMean = Math.exp(ratios.reduce((a, x) => a + Math.log(x), 0) / ratios.length)
  const atOrUnder = ratios.filter((x) => (m.better === 'lower' ? x <= 1 : x >= 1)).length
  return { geoMean, runs: ratios.length, atOrUnder }
}

export function evaluateTargets(table: MetricTable, pooledIntervals: ReadonlyMap<string, RatioInterval> = new Map()) {
  return TARGETS.filter((t) => table.metrics.has(t.key)).map((t) => {
    const m = table.metrics.get(t.key)!
    const q = m.median.quorum ?? null
    const pass = q !== null && m.best !== null && m.best !== undefined ? (t.strict ? q < m.best : q <= m.best) : null
    const paired = pairedRatio(m)
    const pooled = table.metrics.get(`${t.key}Pooled`)
    const ci = pooledIntervals.get(t.key)
    return {
      target: t.name, quorum: round(q, 1), bestReference: round(m.best, 1), ratio: round(m.ratio, 2), pass,
      paired: paired && { geoMeanRatio: round(paired.geoMean, 2), runs: paired.runs, quorumAtOrUnderBest: paired.atOrUnder },
      pooled: pooled && {
        quorum: round(pooled.median.quorum, 2), bestReference: round(pooled.best, 2), ratio: round(pooled.ratio, 2),
        ...(ci && { ci95: { low: round(ci.low, 2)!, high: round(ci.high, 2)!, atOrUnderShare: round(ci.atOrUnderShare, 2)!, runs: ci.runs } }),
      },
    }
  })
}

const fmt = (v: number | null | undefined) => (typeof v !== 'number' || !Number.isFinite(v) ? '—' : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2))

export function formatTable(table: MetricTable, kinds: readonly ServerKind[]): string {
  const head = ['metric', ...kinds, 'Q/best']
  const rows = [...table.metrics.values()].map((m) => [`${m.label}${m.unit ? ` (${m.unit})` : ''}`, ...kinds.map((k) => fmt(m.median[k])), m.ratio === null || m.ratio === undefined ? '—' : `${m.ratio.toFixed(2)}×`])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

export function writeJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, JSON.stringify(data, null, 2) + '\n')
}
