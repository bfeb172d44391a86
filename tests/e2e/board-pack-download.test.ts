// The board pack of an ended board meeting downloads from the meeting room as a real PDF, whose
// pages carry the risk heat map and the decision recorded at the meeting (text read with pdf-parse).
import { readFileSync } from 'node:fs'
import { PDFParse } from 'pdf-parse'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDecisions } from '../../shared/documents/decisions'
import { addRisk, readRisks } from '../../shared/documents/risks'
import { workspaceWithDocument } from '../helpers/api'
import { launchBrowser, openPage } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
let browser: Browser
beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer({ serveClient: true }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

describe('board pack download', () => {
  it('downloads a multi-page PDF from an ended board meeting, with the heat map and the decision', { timeout: 60_000 }, async () => {
    const { owner, workspaceId, documentId: roadmapId, addMember } = await workspaceWithDocument(server.url, 'roadmap')
    const viewer = await addMember('Board Member', 'viewer')
    const briefId = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'brief', title: 'Brief' })).body.id
    const summaryId = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'summary', title: 'Summary' })).body.id
    const risksId = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'risks', title: 'Risk log' })).body.id
    const queueId = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'decisions', title: 'Decision queue' })).body.id
    const meeting = await owner.post(`/api/workspaces/${workspaceId}/meetings`, {
      cadence: 'board', title: 'Q4 board', startsAt: '2026-12-10T09:00:00Z', agenda: [summaryId, briefId, roadmapId, risksId, queueId],
    })
    const meetingId = meeting.body.id as string
    // A risk on the log and a decision recorded at the meeting, with the votes of both members.
    const risks = connectDoc(server.url, risksId, owner.cookie)
    const watcher = connectDoc(server.url, risksId, owner.cookie)
    await Promise.all([risks.synced(), watcher.synced()])
    expect(addRisk(risks.doc, { title: 'Carrier outage at peak', severity: 5, likelihood: 4, status: 'open', owner: 'Tom' }).ok).toBe(true)
    expect((await owner.post(`/api/meetings/${meetingId}/decision-items`, { items: [{ question: 'Approve the SOC 2 auditor', dueDate: '2026-12-15' }] })).status).toBe(201)
    const queue = connectDoc(server.url, queueId, owner.cookie)
    await queue.synced()
    await waitFor(() => readDecisions(queue.doc).decisions.length === 1, { message: 'queue item' })
    // Committed before the meeting ends: the server relays an edit only once it is stored.
    await waitFor(() => readRisks(watcher.doc).risks.some((r) => r.title === 'Carrier outage at peak'), { message: 'risk relayed' })
    expect((await owner.post(`/api/meetings/${meetingId}/end`)).status).toBe(200)
    // Nobody was in the room (all through the API): the owner records who attended, then the decision.
    expect((await owner.patch(`/api/meetings/${meetingId}`, { attendeeIds: [owner.userId, viewer.userId] })).status).toBe(200)
    const decided = await owner.post(`/api/meetings/${meetingId}/decisions`, {
      decisionId: readDecisions(queue.doc).decisions[0].id, outcome: 'approved', rationale: 'Best coverage',
      votes: [{ userId: owner.userId, vote: 'for' }, { userId: viewer.userId, vote: 'abstain' }],
    })
    expect(decided.status).toBe(201)
    risks.destroy()
    watcher.destroy()
    queue.destroy()

    // A board member (viewer) downloads it.
    const context = await browser.newContext({ acceptDownloads: true })
    const [name, value] = viewer.cookie.split('=')
    await context.addCookies([{ name, value, url: server.url }])
    const page = await openPage(context, `${server.url}/m/${meeting.body.id}`)
    const link = page.locator('[data-testid="board-pack-pdf"]')
    await link.waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    expect(download.suggestedFilename()).toMatch(/^board-pack-.*\.pdf$/)
    const bytes = readFileSync((await download.path())!)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const pages = bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []
    expect(pages.length).toBeGreaterThanOrEqual(2)
    const parser = new PDFParse({ data: new Uint8Array(bytes) })
    const text = (await parser.getText()).text
    await parser.destroy()
    expect(text).toMatch(/Heat map \(active risks: severity . likelihood\)/)
    expect(text).toContain('Carrier outage at peak')
    expect(text).toContain('Approve the SOC 2 auditor')
    expect(text).toMatch(/Approved/i)
    await context.close()
  })
})
