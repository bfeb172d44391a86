// The complete board pack through the real server: contents and page numbers, the risk heat map,
// this meeting's decisions with votes, open actions and attendance, in the PDF's text (read with
// pdf-parse) and in the Markdown; the PDF follows decisions recorded after the end (cache keyed
// on content). And a single document exported as PDF from its live state.
import { PDFParse } from 'pdf-parse'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readDecisions } from '../../shared/documents/decisions'
import { addRisk, readRisks } from '../../shared/documents/risks'
import { type ApiClient, signUp, workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc, type SyncClient } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
const clients: SyncClient[] = []
const open = async (documentId: string, cookie: string) => {
  const c = connectDoc(server.url, documentId, cookie)
  clients.push(c)
  await c.synced()
  return c
}
beforeAll(async () => { server = await startServer() })
afterEach(() => { while (clients.length) clients.pop()!.destroy() })
afterAll(async () => { await server?.dispose() })

async function download(api: ApiClient, path: string) {
  const res = await fetch(server.url + path, { headers: api.cookie ? { cookie: api.cookie } : {} })
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) }
}
async function pdfText(bytes: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) })
  try {
    return (await parser.getText()).text
  } finally {
    await parser.destroy()
  }
}

describe('the complete board pack', () => {
  it('covers the risk log, decisions with votes, open actions and attendance, with contents and page numbers', { timeout: 60_000 }, async () => {
    const { owner, workspaceId, documentId: queueId, addMember } = await workspaceWithDocument(server.url, 'decisions')
    const viewer = await addMember('Vera Viewer', 'viewer')
    const outsider = await signUp(server.url, 'Oscar Outsider')
    const risksId = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'risks', title: 'Risk log' })).body.id as string
    const meeting = await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Q3 board', startsAt: '2026-09-15T09:00:00Z', agenda: [risksId, queueId] })
    expect(meeting.status).toBe(201)
    const meetingId = meeting.body.id as string
    expect((await owner.post(`/api/meetings/${meetingId}/decision-items`, { items: [{ question: 'Approve the SOC 2 auditor', dueDate: '2026-12-15' }] })).status).toBe(201)
    const queue = await open(queueId, owner.cookie)
    await waitFor(() => readDecisions(queue.doc).decisions.length === 1, { message: 'queue item' })
    const decisionId = readDecisions(queue.doc).decisions[0].id

    const risks = await open(risksId, owner.cookie)
    const watcher = await open(risksId, owner.cookie)
    expect(addRisk(risks.doc, { title: 'Carrier outage at peak', severity: 5, likelihood: 4, status: 'open', owner: 'Tom' }).ok).toBe(true)
    await waitFor(() => readRisks(watcher.doc).risks.length > 0 && readRisks(watcher.doc).risks.some((r) => r.title === 'Carrier outage at peak'), { message: 'risk relayed' })

    expect((await owner.post(`/api/meetings/${meetingId}/actions`, { title: 'Rehearse the cut-over', ownerId: viewer.userId, dueDate: '2026-10-01' })).status).toBe(201)
    expect((await owner.post(`/api/meetings/${meetingId}/end`)).status).toBe(200)
    expect((await owner.patch(`/api/meetings/${meetingId}`, { attendeeIds: [owner.userId, viewer.userId] })).status).toBe(200)

    // Before the decision: the pack says none was recorded.
    const before = await pdfText((await download(viewer, `/api/meetings/${meetingId}/board-pack.pdf`)).body)
    expect(before).toContain('No decision was recorded at this meeting.')

    const decided = await owner.post(`/api/meetings/${meetingId}/decisions`, {
      decisionId, outcome: 'approved', rationale: 'Best coverage', votes: [{ userId: owner.userId, vote: 'for' }, { userId: viewer.userId, vote: 'abstain' }],
    })
    expect(decided.status).toBe(201)

    const pdf = await download(viewer, `/api/meetings/${meetingId}/board-pack.pdf`)
    expect(pdf.status).toBe(200)
    const text = await pdfText(pdf.body)
    // A later decision is in the pack: the cached PDF of the same meeting was not served.
    expect(text).not.toContain('No decision was recorded at this meeting.')
    expect(text).toContain('Contents')
    for (const title of ['Risk log', 'Vendor renewals', 'Decision queue', 'Open action items', 'Attendance']) expect(text).toContain(title)
    expect(text).toMatch(/Heat map \(active risks: severity . likelihood\)/)
    expect(text).toContain('Carrier outage at peak')
    expect(text).toContain('Approve the SOC 2 auditor')
    expect(text).toContain('Best coverage')
    expect(text).toMatch(/for, Vera Viewer abstain/)
    expect(text).toContain('Rehearse the cut-over')
    expect(text).toContain('Vera Viewer')
    expect(text).toMatch(/Page 1 of \d/)
    expect(text).toContain('No vendor register was on this meeting')

    const md = (await download(viewer, `/api/meetings/${meetingId}/board-pack.md`)).body.toString('utf8')
    expect(md).toContain('## Contents')
    expect(md).toContain('### Heat map')
    expect(md).toMatch(/\| Severity 5 \| · \| · \| · \| 1 \| · \|/)
    expect(md).toContain('### High risks')
    expect(md).toMatch(/\| Approve the SOC 2 auditor \| Approved \| Best coverage \| .+ for, Vera Viewer abstain \|/)
    expect(md).toContain('| Rehearse the cut-over | Vera Viewer |')
    expect(md).toMatch(/## Attendance\n\n\| Present \|\n\| --- \|\n(\| .+ \|\n)*\| Vera Viewer \|/)

    expect((await download(outsider, `/api/meetings/${meetingId}/board-pack.pdf`)).status).toBe(403)
  })

  it('exports one live document as PDF for any member, and refuses a non-member', { timeout: 60_000 }, async () => {
    const { owner, workspaceId, addMember } = await workspaceWithDocument(server.url, 'roadmap')
    const viewer = await addMember('Vera Viewer', 'viewer')
    const outsider = await signUp(server.url, 'Oscar Outsider')
    const risksId = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'risks', title: 'Operational risks' })).body.id as string
    const risks = await open(risksId, owner.cookie)
    const watcher = await open(risksId, owner.cookie)
    expect(addRisk(risks.doc, { title: 'Live only risk', severity: 4, likelihood: 4, status: 'open' }).ok).toBe(true)
    await waitFor(() => readRisks(watcher.doc).risks.some((r) => r.title === 'Live only risk'), { message: 'risk relayed' })

    const res = await fetch(`${server.url}/api/documents/${risksId}/export.pdf`, { headers: { cookie: viewer.cookie! } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="operational-risks.pdf"')
    const text = await pdfText(Buffer.from(await res.arrayBuffer()))
    expect(text).toContain('Operational risks')
    expect(text).toContain('Live only risk')
    expect(text).toMatch(/Heat map/)
    expect(text).toMatch(/Page 1 of 1/)
    expect(text).not.toContain('Contents')

    expect((await download(outsider, `/api/documents/${risksId}/export.pdf`)).status).toBe(403)
    expect((await owner.get('/api/documents/no-such-document/export.pdf')).status).toBe(404)
  })
})
