// The bench's comparison: ratio of medians for the targets, and the run-by-run pairing and pooled p99 beside it.
import { describe, expect, it } from 'vitest'
import { evaluateTargets, MetricTable, pairedRatio } from '../../../bench/report'
import { histogram, percentile, pooledPercentile } from '../../../bench/stats'

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
