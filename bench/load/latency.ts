// Scenario 1: N clients on D documents insert marker chunks at random boundaries, E edits/s each,
// for T seconds. Only `decodersPerDoc` clients per document apply and time what they receive;
// the others edit and count (their deliveries are checked after the run).
import { isQuorum, type ServerInfo } from '../servers/types'
import { histogram, percentiles } from '../stats'
import * as prng from 'lib0/prng'
import { BenchClient } from './client'
import { probe, sleep, until, type LatencyParams } from './ipc'
import { quorumCommits } from './quorum-setup'
import { prepareTargets } from './targets'
import { checkDocument } from './verify'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Raw per-delivery samples (BENCH_SAMPLES=dir): which edits and receivers make up the tail. Ticks are
 * on this process's clock; timeOrigin (epoch ms) lines them up with other processes' logs.
 */
function dumpSamples(dir: string, kind: string, p: LatencyParams, decoders: BenchClient[]): void {
  mkdirSync(dir, { recursive: true })
  const rows = decoders.flatMap((c) => (c.samples ?? []).map((s) => [c.index, ...s]))
  writeFileSync(join(dir, `${kind}-${p.clients}x${p.documents}-${Date.now()}.json`), JSON.stringify({ kind, timeOrigin: performance.timeOrigin, rows }))
}

export async function runLatency(server: ServerInfo, p: LatencyParams): Promise<Record<string, unknown>> {
  const targets = await prepareTargets(server, p.documents, p.clients)
  const clients: BenchClient[] = []
  const byDoc: BenchClient[][] = Array.from({ length: p.documents }, () => [])
  for (let i = 0; i < p.clients; i++) {
    const doc = i % p.documents
    const mode = byDoc[doc].length < p.decodersPerDoc ? 'decode' : 'count'
    const positions = prng.create(p.seed * 100_003 + 2 * i)
    const c = new BenchClient(i, mode, targets.target(doc, i), p.padTo, () => prng.real53(positions))
    clients.push(c)
    byDoc[doc].push(c)
  }
  // Several instances: each decoder also times apart the edits that crossed from another instance.
  if (server.instanceUrls) for (const c of clients) c.otherInstance = (sender) => targets.instanceOf(sender) !== targets.instanceOf(c.index)
  const connectMs: number[] = []
  for (let i = 0; i < clients.length; i += 20) connectMs.push(...(await Promise.all(clients.slice(i, i + 20).map((c) => c.connect()))))
  await sleep(500)

  const editsPerClient = Math.round(p.durationS * p.editsPerSec)
  // The same workload runs for warmupS before the measured window and is not timed: the window
  // measures a server in its steady state, as a meeting meets it, not its first compilations.
  const warmupEdits = Math.round(p.warmupS * p.editsPerSec)
  for (const c of clients) c.timedFromSeq = warmupEdits
  const period = 1000 / p.editsPerSec
  const tFirst = performance.now() + 20
  const tStart = tFirst + warmupEdits * period
  const windowStart = new Promise<{ commits: Awaited<ReturnType<typeof quorumCommits>> | null; sample: Awaited<ReturnType<typeof probe>> }>((resolve) => {
    setTimeout(async () => {
      const commits = isQuorum(server.kind) ? await quorumCommits(server.url) : null
      resolve({ commits, sample: await probe('window-start') })
    }, Math.max(0, tStart - performance.now()))
  })
  // Edit k of a client falls at a random moment of its k-th period: E edits/s each, with no pair of
  // clients locked in step (a fixed phase per client made the same two clients collide on every
  // edit of some runs and never in others, which swung a run's p99 by more than any server change).
  await Promise.all(clients.map((c) => new Promise<void>((resolve) => {
    const schedule = prng.create(p.seed * 100_003 + 2 * c.index + 1)
    const due = (k: number) => tFirst + (k + prng.real53(schedule)) * period
    let k = 0
    const step = () => {
      c.edit()
      if (++k >= warmupEdits + editsPerClient) return resolve()
      setTimeout(step, Math.max(0, due(k) - performance.now()))
    }
    setTimeout(step, Math.max(0, due(0) - performance.now()))
  })))
  const { commits: commits0, sample: startSample } = await windowStart
  const endSample = await probe('window-end')
  const windowS = (endSample.at - startSample.at) / 1000
  const commits1 = isQuorum(server.kind) ? await quorumCommits(server.url) : null

  // Quiescence: every decoder has every remote edit and no frame has arrived anywhere for 300 ms.
  const expectedPerDecoder = (c: BenchClient) => (byDoc[c.index % p.documents].length - 1) * (warmupEdits + editsPerClient)
  const decoders = clients.filter((c) => c.mode === 'decode')
  let drainError: string | null = null
  try {
    await until(() => decoders.every((c) => c.seen.size >= expectedPerDecoder(c)), 120_000, 'decoders to see every edit')
    await until(() => performance.now() - Math.max(...clients.map((c) => c.lastFrameAt)) > 300, 60_000, 'frames to stop')
  } catch (err) {
    drainError = (err as Error).message
  }
  const lastDelivery = Math.max(...clients.map((c) => Math.max(c.lastFrameAt, c.lastSeenAt)))

  const latencies: number[] = []
  for (const c of decoders) for (const l of c.latencies) latencies.push(l)
  const lat = percentiles(latencies)
  const cross = decoders.flatMap((c) => c.crossLatencies)

  const problems: string[] = drainError ? [drainError] : []
  let deliveries = 0
  for (let d = 0; d < p.documents; d++) {
    const verifier = await targets.stockVerifier(d)
    const sentBy = new Map(byDoc[d].map((c) => [c.index, c.sent]))
    const check = checkDocument(verifier.doc, byDoc[d], sentBy)
    verifier.destroy()
    deliveries += check.deliveries
    problems.push(...check.problems.map((x) => `doc ${d}: ${x}`))
  }
  if (process.env.BENCH_SAMPLES) dumpSamples(process.env.BENCH_SAMPLES, server.kind, p, decoders)
  const framesReceived = clients.reduce((a, c) => a + c.framesReceived, 0)
  for (const c of clients) c.destroy()

  return {
    clients: p.clients, documents: p.documents, durationS: p.durationS, warmupS: p.warmupS, decoders: decoders.length,
    editsSent: clients.reduce((a, c) => a + c.sent, 0),
    latencyMs: lat,
    latencyHistogram: histogram(latencies),
    ...(server.instanceUrls && { crossInstanceMs: percentiles(cross), crossInstanceSamples: cross.length, instances: server.instanceUrls.length }),
    deliveries,
    // Deliveries of the measured edits only (the check counts the warm-up's too).
    deliveriesPerSec: (deliveries * editsPerClient) / (warmupEdits + editsPerClient) / ((lastDelivery - tStart) / 1000),
    framesReceived,
    connectMsMedian: percentiles(connectMs).p50,

    window: { start: startSample, end: endSample },
    commits: commits0 && commits1 ? {
      batches: commits1.batches - commits0.batches, updates: commits1.updates - commits0.updates, failures: commits1.failures - commits0.failures,
      batchesPerSec: (commits1.batches - commits0.batches) / windowS, updatesPerSec: (commits1.updates - commits0.updates) / windowS,
    } : null,
    problems,
  }
}
