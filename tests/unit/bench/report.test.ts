// The bench's comparison: ratio of medians for the targets, and the run-by-run pairing and pooled p99 beside it.
import { describe, expect, it } from 'vitest'
import { evaluateTargets, MetricTable, pairedRatio } from '../../../bench/report'
import { bootstrapPooledRatio, histogram, percentile, pooledPercentile } from '../../../bench/stats'

function p99Table(runs: Record<'quorum' | 'y-websocket' | 'hocuspocus', number[]>): MetricTable {
  const table = new MetricTable()
  for (let r = 0; r < runs.quorum.length; r++) {
    for (const kind of ['quorum', 'y-websocket', 'hocuspocus'] as const) {
      table.add('latency.200x1.p99', '200 clients/1 doc: p99', 'ms', 'lower', kind, runs[kind][r])
    }
  }
  table.finish()
  return table
}

describe('bench report', () => {
  it('pairs each run with the best reference of the same run', () => {
    // Quorum is under the best reference in runs 1 and 3, over it in run 2.
    const table = p99Table({ quorum: [10, 24, 20], 'y-websocket': [20, 40, 25], hocuspocus: [12, 20, 40] })
    const paired = pairedRatio(table.metrics.get('latency.200x1.p99')!)!
    expect(paired.runs).toBe(3)
    expect(paired.atOrUnder).toBe(2)
    expect(paired.geoMean).toBeCloseTo(Math.cbrt((10 / 12) * (24 / 20) * (20 / 25)), 10)
  })

  it('judges the target by the ratio of medians and reports the pairing beside it', () => {
    const table = p99Table({ quorum: [10, 24, 20], 'y-websocket': [20, 40, 25], hocuspocus: [12, 20, 40] })
    const [target] = evaluateTargets(table)
    // Medians: Quorum 20, y-websocket 25, Hocuspocus 20 → 1.0×: at the best, which passes.
    expect(target).toMatchObject({ quorum: 20, bestReference: 20, ratio: 1, pass: true })
    expect(target.paired).toEqual({ geoMeanRatio: 0.93, runs: 3, quorumAtOrUnderBest: 2 })
  })

  it('skips runs a server has no value for', () => {
    const table = new MetricTable()
    table.add('latency.10x1.p99', 'p99', 'ms', 'lower', 'quorum', 5)
    table.add('latency.10x1.p99', 'p99', 'ms', 'lower', 'hocuspocus', null)
    table.finish()
    expect(pairedRatio(table.metrics.get('latency.10x1.p99')!)).toBeNull()
  })

  it('reports the pooled p99 beside a target that has one', () => {
    const table = p99Table({ quorum: [10, 24, 20], 'y-websocket': [20, 40, 25], hocuspocus: [12, 20, 40] })
    table.add('latency.200x1.p99Pooled', 'pooled', 'ms', 'lower', 'quorum', 18)
    table.add('latency.200x1.p99Pooled', 'pooled', 'ms', 'lower', 'y-websocket', 30)
    table.add('latency.200x1.p99Pooled', 'pooled', 'ms', 'lower', 'hocuspocus', 24)
    table.finish()
    const target = evaluateTargets(table).find((t) => t.target.includes('200 clients'))!
    expect(target.pooled).toEqual({ quorum: 18, bestReference: 24, ratio: 0.75 })
  })

  it('puts the bootstrap interval of the pooled ratio beside the target', () => {
    const table = p99Table({ quorum: [10, 24, 20], 'y-websocket': [20, 40, 25], hocuspocus: [12, 20, 40] })
    table.add('latency.200x1.p99Pooled', 'pooled', 'ms', 'lower', 'quorum', 18)
    table.add('latency.200x1.p99Pooled', 'pooled', 'ms', 'lower', 'hocuspocus', 24)
    table.finish()
    const interval = { low: 0.614, high: 0.912, atOrUnderShare: 1, runs: 9 }
    const target = evaluateTargets(table, new Map([['latency.200x1.p99', interval]])).find((t) => t.target.includes('200 clients'))!
    expect(target.pooled).toEqual({ quorum: 18, bestReference: 24, ratio: 0.75, ci95: { low: 0.61, high: 0.91, atOrUnderShare: 1, runs: 9 } })
  })
})

describe('pooled percentiles', () => {
  it('equals the percentile of all runs\' values together, not a median of per-run percentiles', () => {
    // Run A is fast with one stall, run B slow throughout: pooling weighs every delivery alike.
    const a = [1, 1, 1, 1, 1, 1, 1, 1, 1, 9]
    const b = [2, 2, 2, 2, 2, 3, 3, 3, 3, 3]
    const all = [...a, ...b].sort((x, y) => x - y)
    for (const p of [50, 90, 95, 99, 100]) expect(pooledPercentile([histogram(a), histogram(b)], p)).toBe(percentile(all, p))
    expect(pooledPercentile([histogram(a), histogram(b)], 90)).toBe(3)
  })

  it('counts repeated values and keeps them sorted', () => {
    expect(histogram([0.5, 0.25, 0.5, 3])).toEqual([[0.25, 1], [0.5, 2], [3, 1]])
    expect(pooledPercentile([], 99)).toBeNaN()
  })
})

describe('bootstrap interval of a pooled ratio', () => {
  /** A run's deliveries: mostly `base` ms, with `stalled` of them at `stall` ms. */
  const run = (base: number, stalled: number, stall: number) => histogram([...Array(1000 - stalled).fill(base), ...Array(stalled).fill(stall)])

  it('lies under 1 when one server is faster in every run, and is the same for the same runs', () => {
    const a = [run(1, 5, 3), run(1.1, 8, 3.5), run(0.9, 4, 2.8), run(1, 6, 3.2)]
    const b = [run(2, 20, 6), run(2.2, 25, 7), run(1.8, 15, 5), run(2, 22, 6.5)]
    const ci = bootstrapPooledRatio(a, b, 99)!
    expect(ci.high).toBeLessThan(1)
    expect(ci.low).toBeGreaterThan(0)
    expect(ci.atOrUnderShare).toBe(1)
    expect(ci.runs).toBe(4)
    expect(bootstrapPooledRatio(a, b, 99)).toEqual(ci)
  })

  it('spans 1 when the p99 rests on how many edits stalled, which moves from run to run', () => {
    // Each server has runs with p99 stalled (≥ 10 of 1000 at 4 ms) and runs without.
    const a = [run(1, 12, 4), run(1, 6, 4), run(1, 14, 4), run(1, 5, 4), run(1, 11, 4), run(1, 7, 4)]
    const b = [run(1, 7, 4), run(1, 13, 4), run(1, 5, 4), run(1, 12, 4), run(1, 8, 4), run(1, 11, 4)]
    const ci = bootstrapPooledRatio(a, b, 99)!
    expect(ci.low).toBeLessThan(1)
    expect(ci.high).toBeGreaterThan(1)
    expect(ci.atOrUnderShare).toBeGreaterThan(0)
    expect(ci.atOrUnderShare).toBeLessThan(1)
  })

  it('pairs runs by number and skips a run either server lacks', () => {
    const a = [run(1, 0, 1), null, run(1, 0, 1)]
    const b = [run(2, 0, 2), run(9, 0, 9), run(2, 0, 2)]
    expect(bootstrapPooledRatio(a, b, 99)).toMatchObject({ low: 0.5, high: 0.5, runs: 2 })
    expect(bootstrapPooledRatio([run(1, 0, 1)], [run(2, 0, 2)], 99)).toBeNull()
  })
})
