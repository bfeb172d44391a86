// Messages between the orchestrator and the load-generator process (node IPC channel).
import type { ProcSample } from '../proc'
import type { ServerInfo } from '../servers/types'

export interface LatencyParams {
  clients: number; documents: number; durationS: number; editsPerSec: number; decodersPerDoc: number; padTo: number
  /** Seconds of the same workload before the measured window, not timed. */
  warmupS: number
  /** Seeds the edit times and positions: run r gets the same workload on every server. */
  seed: number
}
export interface HistoryParams { edits: number; padTo: number; lateJoiners: number }
export interface IdleParams { documents: number }

export type RunRequest =
  | { type: 'run'; scenario: 'latency'; server: ServerInfo; params: LatencyParams }
  | { type: 'run'; scenario: 'history'; server: ServerInfo; params: HistoryParams }
  | { type: 'run'; scenario: 'idle'; server: ServerInfo; params: IdleParams }
  | { type: 'run'; scenario: 'extras'; server: ServerInfo; params: Record<string, never> }

export type FromLoad =
  | { type: 'probe'; name: string }
  | { type: 'result'; result: Record<string, unknown> }
  | { type: 'error'; message: string; partial?: Record<string, unknown> }

export type ToLoad = RunRequest | { type: 'probe-ack'; name: string; sample: ProcSample }

/** Load-generator side: asks the orchestrator to sample the server's /proc figures now. */
export function probe(name: string): Promise<ProcSample> {
  return new Promise((resolve) => {
    const onMessage = (m: ToLoad) => {
      if (m.type === 'probe-ack' && m.name === name) {
        process.off('message', onMessage)
        resolve(m.sample)
      }
    }
    process.on('message', onMessage)
    process.send!({ type: 'probe', name } satisfies FromLoad)
  })
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Resolves when check() is true; rejects after timeoutMs. */
export async function until(check: () => boolean, timeoutMs: number, what: string, stepMs = 20): Promise<void> {
  const end = performance.now() + timeoutMs
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(stepMs)
  }
}
