// Quorum only: saving a meeting snapshot (ending a meeting saves a version of its 9 agenda documents
// and its notes: 10 documents, one transaction) and comparing two versions of a 500-initiative roadmap.
// Content is written through the sync protocol (a client's Y.Doc), exactly as editors would.
import { DOCUMENT_KINDS } from '../../shared/document-kinds'
import { applyTemplate } from '../../shared/documents'
import { fillDemo } from '../../shared/documents/demo-content'
import { PILLARS } from '../../shared/documents/pillars'
import { addInitiative, INITIATIVE_STATUSES, readRoadmap, removeInitiative, updateInitiative } from '../../shared/documents/roadmap'
import type { ServerInfo } from '../servers/types'
import { median } from '../stats'
import { BenchClient } from './client'
import { sleep } from './ipc'
import { yWebsocketCodec } from './protocol'
import { post, quorumCommits, setupQuorum } from './quorum-setup'

const AGENDA = 9
const INITIATIVES = 500
const REPEATS = 3

export async function runExtras(server: ServerInfo): Promise<Record<string, unknown>> {
  const kinds = [...Array.from({ length: AGENDA }, (_, i) => DOCUMENT_KINDS[i % DOCUMENT_KINDS.length]), 'roadmap']
  const setup = await setupQuorum(server.url, AGENDA + 1, 1, kinds)
  const cookie = setup.cookies[0]
  const wsBase = server.url.replace(/^http/, 'ws')
  const clients = setup.documentIds.map((id, i) => new BenchClient(i, 'decode', { wsUrl: `${wsBase}/api/sync/${id}`, headers: { cookie, origin: server.url }, codec: yWebsocketCodec }))
  await Promise.all(clients.map((c) => c.connect()))
  const base = (await quorumCommits(server.url)).updates
  const committed = async () => {
    const want = base + clients.reduce((a, c) => a + c.framesSent, 0)
    for (let t = 0; t < 3000 && (await quorumCommits(server.url)).updates < want; t++) await sleep(10)
  }
  const today = new Date()
  for (let i = 0; i < AGENDA; i++) fillDemo(kinds[i] as (typeof DOCUMENT_KINDS)[number], clients[i].doc, today)

  // The roadmap: 500 initiatives, version 1; then a realistic round of edits, version 2.
  const roadmap = clients[AGENDA].doc
  const roadmapId = setup.documentIds[AGENDA]
  applyTemplate('roadmap', roadmap, { today })
  roadmap.transact(() => {
    for (let i = 0; i < INITIATIVES; i++) addInitiative(roadmap, initiative(i))
  })
  await committed()
  const timed = async <T>(fn: () => Promise<T>): Promise<[number, T]> => { const t = performance.now(); const r = await fn(); return [performance.now() - t, r] }
  const problems: string[] = []
  const [saveV1Ms, v1] = await timed(() => post(server.url, `/api/documents/${roadmapId}/versions`, { label: 'before' }, cookie))
  if (v1.status !== 201) problems.push(`save version: ${v1.status} ${JSON.stringify(v1.body)}`)
  const ids = readRoadmap(roadmap).initiatives.map((i) => i.id)
  roadmap.transact(() => {
    for (let i = 0; i < 100; i++) updateInitiative(roadmap, ids[i * 4], { status: INITIATIVE_STATUSES[(i + 2) % INITIATIVE_STATUSES.length], oneOffCost: 10_000 + i * 1000 })
    for (let i = 0; i < 30; i++) updateInitiative(roadmap, ids[i * 7 + 3], { title: `Renamed initiative ${i}` })
    for (let i = 0; i < 20; i++) removeInitiative(roadmap, ids[i * 11 + 5])
    for (let i = 0; i < 20; i++) addInitiative(roadmap, initiative(INITIATIVES + i))
  })
  await committed()
  const [saveV2Ms, v2] = await timed(() => post(server.url, `/api/documents/${roadmapId}/versions`, { label: 'after' }, cookie))
  if (v2.status !== 201) problems.push(`save version: ${v2.status}`)
  const from = v1.body?.version?.number ?? 1, to = v2.body?.version?.number ?? 2
  const compareMs: number[] = []
  let comparison: any = null
  for (let r = 0; r < REPEATS + 2; r++) {
    const [ms, res] = await timed(async () => {
      const x = await fetch(`${server.url}/api/documents/${roadmapId}/compare?from=${from}&to=${to}`, { headers: { cookie, origin: server.url } })
      return { status: x.status, body: await x.json() }
    })
    if (res.status !== 200) { problems.push(`compare: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`); break }
    comparison = res.body.comparison
    compareMs.push(ms)
  }

  // Meeting snapshots: schedule with the 9 agenda documents (the meeting adds its notes), then end it.
  const snapshotMs: number[] = []
  let versionsSaved = 0
  for (let r = 0; r < REPEATS; r++) {
    const m = await post(server.url, `/api/workspaces/${setup.workspaceId}/meetings`, {
      cadence: 'board', title: `Bench meeting ${r}`, startsAt: new Date().toISOString(), agenda: setup.documentIds.slice(0, AGENDA),
    }, cookie)
    if (m.status !== 201) { problems.push(`schedule meeting: ${m.status} ${JSON.stringify(m.body).slice(0, 200)}`); break }
    const [ms, end] = await timed(() => post(server.url, `/api/meetings/${m.body.id}/end`, {}, cookie))
    if (end.status !== 200) { problems.push(`end meeting: ${end.status} ${JSON.stringify(end.body).slice(0, 200)}`); break }
    versionsSaved = end.body.versions?.length ?? 0
    snapshotMs.push(ms)
    await sleep(200)
  }
  if (versionsSaved !== AGENDA + 1) problems.push(`meeting end saved ${versionsSaved} versions, expected ${AGENDA + 1}`)
  for (const c of clients) c.destroy()
  return {
    meetingSnapshot10DocsMs: median(snapshotMs), meetingSnapshotRunsMs: snapshotMs, versionsSaved,
    roadmapCompare500Ms: median(compareMs.slice(1)), roadmapCompareRunsMs: compareMs,
    saveVersionMs: { v1: saveV1Ms, v2: saveV2Ms },
    comparisonSummary: summarise(comparison),
    problems,
  }
}

function initiative(i: number) {
  return {
    title: `Initiative ${i}: ${['Order service', 'Data platform', 'Checkout', 'Search', 'Billing'][i % 5]} ${i}`,
    pillar: PILLARS[i % PILLARS.length],
    status: INITIATIVE_STATUSES[i % INITIATIVE_STATUSES.length],
    oneOffCost: (i % 17) * 5000, runRateCost: (i % 7) * 1000, capacity: i % 9,
    owner: `Owner ${i % 23}`,
  }
}

function summarise(c: any): Record<string, number> | null {
  if (!c || typeof c !== 'object') return null
  const out: Record<string, number> = {}
  for (const [k, v] of Object.entries(c)) if (v && typeof v === 'object') for (const [k2, v2] of Object.entries(v as object)) if (Array.isArray(v2)) out[`${k}.${k2}`] = v2.length
  return out
}
