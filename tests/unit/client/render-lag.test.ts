import { describe, expect, it } from 'vitest'
import { BEHIND_AFTER_MS, RenderLag } from '../../../client/src/sync/render-lag'

describe('RenderLag', () => {
  it('is not behind when remote updates are followed by a frame in time', () => {
    const lag = new RenderLag()
    lag.probeScheduled(250)
    lag.remoteUpdate(100)
    expect(lag.isBehind(100 + BEHIND_AFTER_MS)).toBe(false)
    lag.rendered()
    expect(lag.isBehind(5000)).toBe(false)
  })

  it('is behind once a remote update has gone more than a second without a frame', () => {
    const lag = new RenderLag()
    lag.remoteUpdate(100)
    lag.remoteUpdate(900)
    expect(lag.isBehind(1100)).toBe(false)
    expect(lag.isBehind(1101)).toBe(true) // the oldest unrendered one counts, not the newest
    lag.rendered()
    expect(lag.isBehind(1200)).toBe(false)
  })

  it('is behind when remote updates are applied while the probe timer is over a second overdue', () => {
    const lag = new RenderLag()
    lag.probeScheduled(250)
    lag.remoteUpdate(1200) // 950 ms overdue: queued late, but not proven a second late
    lag.rendered()
    expect(lag.isBehind(1200)).toBe(false)
    lag.remoteUpdate(1300) // 1050 ms overdue: this message waited more than a second
    lag.rendered()
    expect(lag.isBehind(1300)).toBe(true)
    // The backlog drains: the probe runs and is rescheduled on time; no late update for a second.
    lag.probeRan()
    lag.probeScheduled(1550)
    lag.remoteUpdate(1400)
    lag.rendered()
    expect(lag.isBehind(1300 + BEHIND_AFTER_MS - 1)).toBe(true)
    expect(lag.isBehind(1300 + BEHIND_AFTER_MS)).toBe(false)
  })

  it('does not call a quiet page behind however late its timer (no remote updates)', () => {
    const lag = new RenderLag()
    lag.probeScheduled(250)
    expect(lag.isBehind(60_000)).toBe(false)
  })

  it('forgets everything on reset (a hidden tab throttles timers and frames)', () => {
    const lag = new RenderLag()
    lag.remoteUpdate(0)
    lag.probeScheduled(0)
    lag.remoteUpdate(5000)
    lag.reset()
    expect(lag.isBehind(5000)).toBe(false)
  })
})
