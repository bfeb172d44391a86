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

export function median(values: readonly (number | null | undefined)[]): number | null {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b)
  if (v.length === 0) return null
  const mid = v.length >> 1
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2
}

export const round = (x: number | null | undefined, digits = 1): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null
