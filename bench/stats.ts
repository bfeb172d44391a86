// Small statistics helpers shared by the load generator and the orchestrator.
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
