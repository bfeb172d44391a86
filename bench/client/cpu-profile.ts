// A CPU profile of the page during the load (DevTools protocol), reduced to the functions with the
// most self time: what the page spends its main thread on. The profile lumps style, layout and
// paint into "(program)"; the renderer's own counters (Performance.getMetrics) split them.
import type { CDPSession } from 'playwright-core'

export interface ProfileLine { selfMs: number; share: number; fn: string; where: string }

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Milliseconds of the renderer's main thread spent on each kind of work, cumulative. */
export interface MainThreadSplit { taskMs: number; scriptMs: number; styleMs: number; layoutMs: number }

async function mainThreadTotals(cdp: CDPSession): Promise<MainThreadSplit> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
  const ms = (name: string) => Math.round((metrics.find((m) => m.name === name)?.value ?? 0) * 1000)
  return { taskMs: ms('TaskDuration'), scriptMs: ms('ScriptDuration'), styleMs: ms('RecalcStyleDuration'), layoutMs: ms('LayoutDuration') }
}

let splitAtStart: MainThreadSplit | null = null

export async function startProfile(cdp: CDPSession) {
  await cdp.send('Performance.enable')
  splitAtStart = await mainThreadTotals(cdp)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
}

export async function stopProfile(cdp: CDPSession, top = 25): Promise<{ totalMs: number; idleMs: number; split: MainThreadSplit; lines: ProfileLine[] }> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
  const end = await mainThreadTotals(cdp)
  const start = splitAtStart ?? end
  const split = { taskMs: end.taskMs - start.taskMs, scriptMs: end.scriptMs - start.scriptMs, styleMs: end.styleMs - start.styleMs, layoutMs: end.layoutMs - start.layoutMs }
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
  return { totalMs: Math.round(total), idleMs: Math.round(idle), split, lines }
}
