// The board pack of an ended board meeting downloads from the meeting room as a real PDF.
import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { launchBrowser, openPage } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

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
  it('downloads a multi-page PDF from an ended board meeting', async () => {
    const { owner, workspaceId, documentId: roadmapId, addMember } = await workspaceWithDocument(server.url, 'roadmap')
    const viewer = await addMember('Board Member', 'viewer')
    const briefId = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'brief', title: 'Brief' })).body.id
    const summaryId = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'summary', title: 'Summary' })).body.id
    const meeting = await owner.post(`/api/workspaces/${workspaceId}/meetings`, {
      cadence: 'board', title: 'Q4 board', startsAt: '2026-12-10T09:00:00Z', agenda: [summaryId, briefId, roadmapId],
    })
    expect((await owner.post(`/api/meetings/${meeting.body.id}/end`)).status).toBe(200)

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
    await context.close()
  })
})
