// The search index's schedule: a document is reindexed once its edits pause, and at the latest a
// fixed time after the first edit when they never pause (each run reads the whole document).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SettleSchedule } from '../../../server/search/settle-schedule'

describe('SettleSchedule', () => {
  afterEach(() => vi.useRealTimers())

  function schedule() {
    const runs: { key: string; at: number }[] = []
    const start = Date.now()
    const s = new SettleSchedule(1_000, 10_000, (key) => runs.push({ key, at: Date.now() - start }))
    return { s, runs }
  }

  it('runs once, quietMs after the last of a burst of events', () => {
    vi.useFakeTimers()
    const { s, runs } = schedule()
    for (let i = 0; i < 5; i++) {
      s.touch('doc')
      vi.advanceTimersByTime(300)
    }
    // The last event was at 1,200 ms: nothing yet at 2,100, the run at 2,200.
    vi.advanceTimersByTime(2_100 - 1_500)
    expect(runs).toEqual([])
    vi.advanceTimersByTime(100)
    expect(runs).toEqual([{ key: 'doc', at: 2_200 }])
    vi.advanceTimersByTime(60_000)
    expect(runs).toHaveLength(1)
  })

  it('runs maxWaitMs after the first event when events never pause, then starts over', () => {
    vi.useFakeTimers()
    const { s, runs } = schedule()
    for (let t = 0; t < 25_000; t += 200) {
      s.touch('busy')
      vi.advanceTimersByTime(200)
    }
    expect(runs.map((r) => r.at)).toEqual([10_000, 20_000])
  })

  it('keeps keys apart, and close() cancels what is due', () => {
    vi.useFakeTimers()
    const { s, runs } = schedule()
    s.touch('a')
    vi.advanceTimersByTime(500)
    s.touch('b')
    vi.advanceTimersByTime(600)
    expect(runs).toEqual([{ key: 'a', at: 1_000 }])
    s.close()
    vi.advanceTimersByTime(5_000)
    expect(runs).toHaveLength(1)
  })
})
