// Small statistics helpers shared by the load generator and the orchestrator.
import * as prng from 'lib0/prng'
export interface Percentiles { count: number; p50: number; p95: number; p99: number; max: number; mean: number }

/** Nearest-rank percentile of an ascending-sorted array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]
}

export function percentiles(values: readonly number[]): Percentiles {
  const s = Float64Array.from(values).sort()
  const arr = Array.from(s)
  const mean = arr.length ? arr.reduce((a, b) => a + b, 0) / arr.length : NaN
  return { count: arr.length, p50: percentile(arr, 50), p95: percentile(arr, 95), p99: percentile(arr, 99), max: arr.length ? arr[arr.length - 1] : NaN, mean }
}

/**
 * Latencies as counts per value (sorted [value, count] pairs): small enough to send from the load
 * generator for every run, and exact to pool across runs (latencies are whole hundredths of a ms).
 */
export type Histogram = [value: number, count: number][]

export function histogram(values: readonly number[]): Histogram {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].sort((a, b) => a[0] - b[0])
}

/** Nearest-rank percentile of the union of histograms (same definition as `percentile`). */
export function pooledPercentile(hists: readonly Histogram[], p: number): number {
  const counts = new Map<number, number>()
  for (const h of hists) for (const [v, c] of h) counts.set(v, (counts.get(v) ?? 0) + c)
  const sorted = [...counts].sort((a, b) => a[0] - b[0])
  const total = sorted.reduce((a, [, c]) => a + c, 0)
  if (total === 0) return NaN
  const rank = Math.min(total, Math.max(1, Math.ceil((p / 100) * total)))
  let seen = 0
  for (const [v, c] of sorted) if ((seen += c) >= rank) return v
  return sorted[sorted.length - 1][0]
}

export function median(values: readonly (number | null | undefined)[]): number | null {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b)
  if (v.length === 0) return null
  const mid = v.length >> 1
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2
}

export const round = (x: number | null | undefined, digits = 1): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null

export interface RatioInterval {
  /** The 2.5th and 97.5th percentiles of the resampled ratios. */
  low: number
  high: number
  /** Share of resamples in which the first server's pooled percentile was at or under the second's. */
  atOrUnderShare: number
  runs: number
}

/**
 * How sure a ratio of pooled percentiles (a's over b's) is: a paired bootstrap over runs. Run r of
 * both servers carried the same seeded workload, so each resample draws run numbers with
 * replacement and pools both servers' histograms of those runs. Runs, not single deliveries, are
 * resampled because a stall delays whole edits (and whole runs drift): deliveries are not
 * independent. Seeded, so the same runs give the same interval.
 */
export function bootstrapPooledRatio(
  a: readonly (Histogram | null)[], b: readonly (Histogram | null)[], p: number,
  opts: { iterations?: number; seed?: number } = {},
): RatioInterval | null {
  const paired = a.flatMap((h, r) => (h && b[r] ? [[h, b[r]!] as const] : []))
  if (paired.length < 2) return null
  // Dense counts over one grid of every value seen, so a resample is sums and one scan.
  const grid = [...new Set(paired.flatMap(([x, y]) => [...x, ...y].map(([v]) => v)))].sort((u, v) => u - v)
  const slot = new Map(grid.map((v, i) => [v, i]))
  const dense = (h: Histogram) => {
    const counts = new Float64Array(grid.length)
    for (const [v, c] of h) counts[slot.get(v)!] += c
    return counts
  }
  const runsA = paired.map(([x]) => dense(x))
  const runsB = paired.map(([, y]) => dense(y))
  const sumA = new Float64Array(grid.length)
  const sumB = new Float64Array(grid.length)
  const gen = prng.create(opts.seed ?? 1)
  const ratios: number[] = []
  for (let i = 0; i < (opts.iterations ?? 2000); i++) {
    sumA.fill(0)
    sumB.fill(0)
    for (let k = 0; k < paired.length; k++) {
      const r = prng.uint32(gen, 0, paired.length - 1)
      addInto(sumA, runsA[r])
      addInto(sumB, runsB[r])
    }
    const pb = denseQuantile(grid, sumB, p)
    if (pb > 0) ratios.push(denseQuantile(grid, sumA, p) / pb)
  }
  if (ratios.length === 0) return null
  ratios.sort((u, v) => u - v)
  return {
    low: percentile(ratios, 2.5), high: percentile(ratios, 97.5),
    atOrUnderShare: ratios.filter((x) => x <= 1).length / ratios.length, runs: paired.length,
  }
}

function addInto(sum: Float64Array, counts: Float64Array): void {
  for (let i = 0; i < sum.length; i++) sum[i] += counts[i]
}

/** Nearest-rank percentile of counts over an ascending grid (as `pooledPercentile`). */
function denseQuantile(grid: readonly number[], counts: Float64Array, p: number): number {
  let total = 0
  for (let i = 0; i < counts.length; i++) total += counts[i]
  if (total === 0) return NaN
  const rank = Math.min(total, Math.max(1, Math.ceil((p / 100) * total)))
  let seen = 0
  for (let i = 0; i < counts.length; i++) if ((seen += counts[i]) >= rank) return grid[i]
  return grid[grid.length - 1]
}
