// Agenda proposals from the demo workspace's state, and sending meeting items to the decision queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBrief, updatePillar } from '../../shared/documents/brief'
import { readDecisions } from '../../shared/documents/decisions'
import { ApiClient } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
let alex: ApiClient
let jordan: ApiClient
let workspaceId: string
let docs: Record<string, string>

beforeAll(async () => {
  server = await startServer({ seedDemo: true })
  const password = server.demoPassword()
  alex = new ApiClient(server.url)
  expect((await alex.post('/api/auth/login', { email: 'alex@northwind.example', password })).status).toBe(200)
  jordan = new ApiClient(server.url)
  expect((await jordan.post('/api/auth/login', { email: 'jordan@northwind.example', password })).status).toBe(200)
  workspaceId = (await alex.get('/api/workspaces')).body.workspaces[0].id
  const list = (await alex.get(`/api/workspaces/${workspaceId}/documents`)).body.documents
  docs = Object.fromEntries(list.map((d: any) => [d.kind, d.id]))
})
afterAll(async () => { await server?.dispose() })

describe('the demo workspace', () => {
  it('is not a door: its accounts take the random password printed once at first start, never the old published one', async () => {
    const password = server.demoPassword()
    expect(password).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/)
    expect(server.output()).toContain(`Demo login: alex@northwind.example / ${password} (owner)`)
    const stranger = new ApiClient(server.url)
    expect((await stranger.post('/api/auth/login', { email: 'sam@northwind.example', password: 'quorum-demo' })).status).toBe(401)
    expect((await stranger.post('/api/auth/login', { email: 'sam@northwind.example', password })).status).toBe(200)
  })

  it('has last quarter\'s board meeting, ended, whose versions show what moved since, and the next leadership meeting', async () => {
    const list = (await alex.get(`/api/workspaces/${workspaceId}/meetings`)).body.meetings
    const board = list.find((m: any) => m.cadence === 'board')
    const next = list.find((m: any) => m.cadence === 'leadership')
    expect(board).toMatchObject({ status: 'ended', title: expect.stringMatching(/^Q[1-4] \d{4} board update$/) })
    expect(Date.parse(board.startsAt)).toBeLessThan(Date.now() - 60 * 24 * 3600_000)
    const documents = (await alex.get(`/api/workspaces/${workspaceId}/documents`)).body.documents
    const notesTitled = (title: string) => documents.find((d: any) => d.kind === 'notes' && d.title === title)?.id
    expect(next).toMatchObject({ status: 'scheduled', title: 'Monthly leadership meeting', notesDocumentId: notesTitled('Leadership meeting notes') })
    expect(board.notesDocumentId).toBe(notesTitled(`${board.title} — notes`))
    expect(Date.parse(next.startsAt)).toBeGreaterThan(Date.now())
    expect(next.agenda.map((d: any) => d.kind)).toEqual(['brief', 'roadmap', 'vendors', 'decisions', 'risks'])

    const versions = (await alex.get(`/api/documents/${docs.roadmap}/versions`)).body.versions
    expect(versions).toHaveLength(1)
    expect(versions[0]).toMatchObject({ meetingId: board.id, meetingCadence: 'board', authorName: 'Alex Morgan' })
    const roadmap = (await alex.get(`/api/documents/${docs.roadmap}/compare?from=1&to=live`)).body.comparison
    expect(roadmap.initiatives.added.map((r: any) => r.title)).toEqual(['CI pipeline speed-up'])
    const migration = roadmap.initiatives.changed.find((c: any) => c.label === 'Order service migration to event streaming')
    expect(migration.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'oneOffCost', before: 360_000, after: 420_000 })]))
    expect(roadmap.totals.grand.delta.oneOffCost).toBeGreaterThan(0)
    const brief = (await alex.get(`/api/documents/${docs.brief}/compare?from=1&to=live`)).body.comparison
    const security = brief.pillars.find((p: any) => p.pillar === 'security')
    expect(security.status).toMatchObject({ before: 'at-risk', after: 'watch' })
    // The risk log then held only what had been opened by the meeting.
    const risks = (await alex.get(`/api/documents/${docs.risks}/compare?from=1&to=live`)).body.comparison.risks
    expect(risks.removed).toEqual([])
    expect(risks.added.map((r: any) => r.title)).toContain('Carrier label API outage (4 hours)')
    expect(risks.added.map((r: any) => r.title)).not.toContain('Key-person dependency in the data team')

    const pack = await fetch(`${server.url}/api/meetings/${board.id}/board-pack.pdf`, { headers: { cookie: jordan.cookie } })
    expect(pack.status).toBe(200)
    expect(pack.headers.get('content-type')).toContain('application/pdf')
  })
})

describe('agenda proposal', () => {
  it('proposes decisions due, vendor notice deadlines and open high risks with reasons', async () => {
    const res = await alex.get(`/api/workspaces/${workspaceId}/agenda-proposal?cadence=leadership`)
    expect(res.status).toBe(200)
    const byKind = Object.fromEntries(res.body.items.map((i: any) => [i.kind, i]))
    expect(byKind.decisions.reasons.join()).toMatch(/decisions? due before the next meeting/)
    expect(byKind.vendors.reasons.join()).toMatch(/vendor notice deadlines? within 90 days/)
    expect(byKind.risks.reasons.join()).toMatch(/open high-severity/)
    expect(byKind.vendors.documentId).toBe(docs.vendors)
    expect((await alex.get(`/api/workspaces/${workspaceId}/agenda-proposal?cadence=yearly`)).status).toBe(400)
  })

  it('proposes the brief when a pillar\'s status changed since the last board meeting', async () => {
    const meeting = await alex.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Board', startsAt: '2026-10-01T09:00:00Z', agenda: [docs.brief] })
    expect((await alex.post(`/api/meetings/${meeting.body.id}/end`)).status).toBe(200)
    const client = connectDoc(server.url, docs.brief, alex.cookie)
    await client.synced()
    const security = readBrief(client.doc).sections.find((s) => s.pillar === 'security')!
    const next = security.status === 'at-risk' ? 'on-track' : 'at-risk'
    expect(updatePillar(client.doc, 'security', { status: next }).ok).toBe(true)
    await waitFor(async () => {
      const res = await alex.get(`/api/workspaces/${workspaceId}/agenda-proposal?cadence=board`)
      const brief = res.body.items.find((i: any) => i.kind === 'brief')
      return brief?.reasons.join().includes(`Security ${security.status} → ${next}`)
    })
    client.destroy()
  })
})

describe('sending meeting items to the decision queue', () => {
  it('adds every item in one step, validates all first, and refuses viewers', async () => {
    const meeting = await alex.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'leadership', title: 'Leadership', startsAt: '2026-11-30T09:00:00Z' })
    const client = connectDoc(server.url, docs.decisions, alex.cookie)
    await client.synced()
    const before = readDecisions(client.doc).decisions.length

    const bad = await alex.post(`/api/meetings/${meeting.body.id}/decision-items`, { items: [{ question: 'Fine' }, { question: 'Bad date', dueDate: '2026-02-30' }] })
    expect(bad.status).toBe(400)
    expect((await jordan.post(`/api/meetings/${meeting.body.id}/decision-items`, { items: [{ question: 'x' }] })).status).toBe(403)

    const ok = await alex.post(`/api/meetings/${meeting.body.id}/decision-items`, {
      items: [{ question: 'Approve SOC 2 auditor', owner: 'Sam Rivera', dueDate: '2026-12-15' }, { question: 'Pick a data warehouse' }],
    })
    expect(ok.status).toBe(201)
    expect(ok.body).toEqual({ documentId: docs.decisions, added: 2 })
    await waitFor(() => readDecisions(client.doc).decisions.length === before + 2)
    const added = readDecisions(client.doc).decisions.find((d) => d.question === 'Approve SOC 2 auditor')!
    expect(added).toMatchObject({ owner: 'Sam Rivera', dueDate: '2026-12-15', status: 'open' })
    client.destroy()
  })
})
