// A CPU profile of the page during the load (DevTools protocol), reduced to the functions with the
// most self time: what the page spends its main thread on.
import type { CDPSession } from 'playwright-core'

export interface ProfileLine { selfMs: number; share: number; fn: string; where: string }

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export async function startProfile(cdp: CDPSession) {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
}

export async function stopProfile(cdp: CDPSession, top = 25): Promise<{ totalMs: number; idleMs: number; lines: ProfileLine[] }> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  let total = 0
  let idle = 0
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    const f = byNode.get(id)!.callFrame
    total += ms
    if (f.functionName === '(idle)') { idle += ms; return }
    const file = f.url.split('/').pop() ?? ''
    const key = `${f.functionName || '(anonymous)'}\t${file ? `${file}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`
    self.set(key, (self.get(key) ?? 0) + ms)
  })
  const busy = total - idle
  const lines = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([key, ms]) => {
    const [fn, where] = key.split('\t')
    return { selfMs: Math.round(ms), share: Math.round((ms / busy) * 1000) / 10, fn, where }
  })
  return { totalMs: Math.round(total), idleMs: Math.round(idle), lines }
}
