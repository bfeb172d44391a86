// Scenarios 2 and 3 on one server process: ingest (20,000 separate updates sent as fast as possible
// from one connection) builds the history that the late joiners then sync.
import * as Y from 'yjs'
import { isQuorum, type ServerInfo } from '../servers/types'
import { median } from '../stats'
import { BenchClient, clockOf } from './client'
import { probe, sleep, type HistoryParams } from './ipc'
import { quorumCommits } from './quorum-setup'
import { prepareTargets } from './targets'

export async function runHistory(server: ServerInfo, p: HistoryParams): Promise<Record<string, unknown>> {
  const targets = await prepareTargets(server, 1, 2 + p.lateJoiners)
  const writer = new BenchClient(0, 'count', targets.target(0, 0), p.padTo)
  await writer.connect()
  const frames = writer.prepareEdits(p.edits)
  const writerId = writer.doc.clientID
  const finalClock = clockOf(writer.doc, writerId)
  const stateBytes = Y.encodeStateAsUpdate(writer.doc).length
  const problems: string[] = []

  const base = isQuorum(server.kind) ? (await quorumCommits(server.url)).updates : 0
  const startSample = await probe('window-start')
  const t0 = performance.now()
  for (const f of frames) writer.ws!.send(f)
  const sendMs = performance.now() - t0

  // Committed (Quorum): the health counters include the burst.
  let committedMs: number | null = null
  const committed = !isQuorum(server.kind) ? Promise.resolve() : (async () => {
    while (performance.now() - t0 < 120_000) {
      if ((await quorumCommits(server.url)).updates - base >= p.edits) { committedMs = performance.now() - t0; return }
      await sleep(5)
    }
    problems.push('server did not commit every update within 120 s')
  })()
  // Visible: fresh clients connect one after another (50 ms apart) until one's sync step 2 holds
  // every update; the time is when that step 2 arrived. (A client that stays connected would be
  // timing its own decoding of 20,000 relayed updates instead of the server.)
  let visibleMs: number | null = null
  let polls = 0
  while (visibleMs === null && performance.now() - t0 < 120_000) {
    const v = new BenchClient(100 + polls++, 'count', targets.target(0, 1))
    try {
      await v.connect(60_000)
      if (clockOf(v.doc, writerId) >= finalClock) {
        visibleMs = v.timeline.step2Ms + (v.connectStartedAt - t0)
        if (v.text.toString() !== writer.text.toString()) problems.push('verifier text differs from the writer\'s')
      }
    } catch (err) {
      problems.push((err as Error).message)
      break
    } finally {
      v.destroy()
    }
    if (visibleMs === null) await sleep(50)
  }
  if (visibleMs === null) problems.push('no fresh client saw every update within 120 s')
  await committed
  const endSample = await probe('window-end')
  frames.length = 0

  await sleep(1000)
  const joinMs: number[] = []
  const joinTimelines: BenchClient['timeline'][] = []
  for (let j = 0; j < p.lateJoiners; j++) {
    // Collect the load generator's garbage first, so a GC pause does not land in one server's figure.
    ;(globalThis as { gc?: () => void }).gc?.()
    const joiner = new BenchClient(2 + j, 'decode', targets.target(0, 2 + j))
    try {
      joinMs.push(await joiner.connect(60_000))
      joinTimelines.push({ ...joiner.timeline })
      if (clockOf(joiner.doc, writerId) !== finalClock || joiner.text.length !== writer.text.length) problems.push(`late joiner ${j} synced an incomplete document`)
    } catch (err) {
      problems.push((err as Error).message)
    }
    joiner.destroy()
    await sleep(300)
  }
  writer.destroy()

  return {
    edits: p.edits, stateBytes, sendMs,
    ingestCommittedMs: committedMs,
    ingestVisibleMs: visibleMs,
    ingestVisibilityPolls: polls,
    /** The figure compared across servers: Quorum has committed; references: a fresh client sees all. */
    ingestMs: isQuorum(server.kind) ? committedMs : visibleMs,
    lateJoinMs: median(joinMs), lateJoinRunsMs: joinMs,
    /** Medians: socket open (HTTP upgrade incl. auth), sync step 2 received, applied. */
    lateJoinTimeline: {
      openMs: median(joinTimelines.map((t) => t.openMs)), step2Ms: median(joinTimelines.map((t) => t.step2Ms)), syncedMs: median(joinTimelines.map((t) => t.syncedMs)),
    },
    window: { start: startSample, end: endSample },
    problems,
  }
}
