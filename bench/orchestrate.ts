// One measured run: a fresh server process, a fresh load-generator process, /proc sampling on request.
import { execFileSync, fork } from 'node:child_process'
import { resolve } from 'node:path'
import type { FromLoad, RunRequest, ToLoad } from './load/ipc'
import { cpuPercent, sampleMachine, sampleProc, type MachineSample, type ProcSample } from './proc'
import { launchServer } from './servers'
import { ROOT } from './servers/launch'
import type { RunningServer, ServerKind } from './servers/types'

export interface RunOutcome {
  kind: ServerKind
  result: Record<string, any>
  probes: Record<string, ProcSample>
  /** Server CPU between the window-start and window-end probes, % of one core. */
  serverCpuPct: number | null
  /** Load generator CPU in the same window, % of one core. */
  loadgenCpuPct: number | null
  /** The run's other processes (a second instance, Redis): their CPU in the same window, % of one core. */
  companionCpuPct: Record<string, number | null>
  /** CPU used in the window by everything else on the machine (other users' builds and tests), % of one core. */
  otherCpuPct: number | null
  peakRssKb: number
  problems: string[]
  /** When the server process had exited (epoch ms), to place the window inside a --cpu-prof profile. */
  stoppedAt?: number
}

type Request = Omit<RunRequest, 'server'>

/** What a run starts: the server the load generator reaches first, and other processes it measures. */
export interface Launched {
  server: RunningServer
  /** A second instance (with `url`: clients reach it too), Redis: CPU measured over the same window. */
  companions: { name: string; pid: number; url?: string }[]
  stop(): Promise<void>
}

export async function runOnce(kind: ServerKind, request: Request, opts: { nodeArgs?: string[]; timeoutMs?: number; launch?: () => Promise<Launched> } = {}): Promise<RunOutcome> {
  // The load generator starts (imports, ~1 s) while the server starts; it waits for the run message.
  const loadArgs = [
    ...(process.env.BENCH_LOADGEN_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_LOADGEN_PROF] : []),
    ...(process.env.BENCH_LOADGEN_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []),
  ]
  const child = fork(resolve(ROOT, 'bench/load/main.ts'), [], { cwd: ROOT, execArgv: [...loadArgs, '--max-semi-space-size=32', '--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const childExit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  let launched: Launched
  try {
    launched = opts.launch ? await opts.launch() : await launchServer(kind, { nodeArgs: opts.nodeArgs }).then((s) => ({ server: s, companions: [], stop: () => s.stop() }))
  } catch (err) {
    child.kill('SIGKILL')
    throw err
  }
  const { server, companions } = launched
  // BENCH_PIN=1: the server on core 0 and the load generator on core 1 (every thread of each), so
  // neither ever waits for the other's core; every server then has one core, threads and all.
  if (process.env.BENCH_PIN === '1') {
    execFileSync('taskset', ['-a', '-p', '-c', '0', String(server.pid)], { stdio: 'ignore' })
    execFileSync('taskset', ['-a', '-p', '-c', '1', String(child.pid)], { stdio: 'ignore' })
  }
  const probes: Record<string, ProcSample> = {}
  const loadProbes: Record<string, ProcSample> = {}
  const machine: Record<string, MachineSample> = {}
  const companionProbes: Record<string, ProcSample>[] = companions.map(() => ({}))
  let out: RunOutcome
  try {
    const instanceUrls = [server.url, ...companions.flatMap((c) => (c.url ? [c.url] : []))]
    const info = { kind, port: server.port, url: server.url, pid: server.pid, ...(instanceUrls.length > 1 && { instanceUrls }) }
    const timeoutMs = opts.timeoutMs ?? 300_000
    const outcome = await new Promise<{ result: Record<string, any>; error?: string }>((res) => {
      const timer = setTimeout(() => { child.kill('SIGKILL'); res({ result: {}, error: `load generator timed out after ${timeoutMs} ms` }) }, timeoutMs)
      child.on('message', (m: FromLoad) => {
        if (m.type === 'probe') {
          const sample = sampleProc(server.pid)
          probes[m.name] = sample
          machine[m.name] = sampleMachine()
          companions.forEach((c, i) => { try { companionProbes[i][m.name] = sampleProc(c.pid) } catch { /* gone */ } })
          try { loadProbes[m.name] = sampleProc(child.pid!) } catch { /* gone */ }
          child.send({ type: 'probe-ack', name: m.name, sample } satisfies ToLoad)
        } else if (m.type === 'result') { clearTimeout(timer); res({ result: m.result }) }
        else if (m.type === 'error') { clearTimeout(timer); res({ result: m.partial ?? {}, error: m.message }) }
      })
      void childExit.then((code) => { clearTimeout(timer); res({ result: {}, error: `load generator exited (${code}) without a result` }) })
      child.send({ ...request, server: info } as ToLoad)
    })
    const final = sampleProc(server.pid)
    const problems = [...((outcome.result.problems as string[] | undefined) ?? [])]
    if (outcome.error) problems.push(outcome.error)
    const ws = probes['window-start'], we = probes['window-end']
    const ls = loadProbes['window-start'], le = loadProbes['window-end']
    const ms = machine['window-start'], me = machine['window-end']
    const serverCpuPct = ws && we ? cpuPercent(ws, we) : null
    const loadgenCpuPct = ls && le ? cpuPercent(ls, le) : null
    const companionCpuPct = Object.fromEntries(companions.map((c, i) => {
      const [a, b] = [companionProbes[i]['window-start'], companionProbes[i]['window-end']]
      return [c.name, a && b ? cpuPercent(a, b) : null]
    }))
    const companionsTotal = Object.values(companionCpuPct).reduce<number>((sum, v) => sum + (v ?? 0), 0)
    const otherCpuPct = ms && me && serverCpuPct !== null && loadgenCpuPct !== null
      ? Math.max(0, (100 * (me.busySeconds - ms.busySeconds)) / ((me.at - ms.at) / 1000) - serverCpuPct - loadgenCpuPct - companionsTotal) : null
    out = { kind, result: outcome.result, probes, serverCpuPct, loadgenCpuPct, companionCpuPct, otherCpuPct, peakRssKb: final.hwmKb, problems }
  } catch (err) {
    out = { kind, result: {}, probes, serverCpuPct: null, loadgenCpuPct: null, companionCpuPct: {}, otherCpuPct: null, peakRssKb: NaN, problems: [`${(err as Error).message}\n${server.output().slice(-2000)}`] }
  } finally {
    // The load generator exits by itself after its result; a stuck one is killed.
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await childExit
    clearTimeout(killer)
    await launched.stop()
  }
  out.stoppedAt = performance.timeOrigin + performance.now()
  return out
}

/** The servers in a different order on each run, so no server always runs first (or on a warm machine). */
export function rotation<T>(items: readonly T[], run: number): T[] {
  const k = run % items.length
  return [...items.slice(k), ...items.slice(0, k)]
}
