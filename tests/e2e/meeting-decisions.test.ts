// Deciding a decision-queue item in the meeting room in Chromium through the real server: on a board
// meeting the owner records an outcome, a rationale and the votes of the two people in the room; the
// meeting lists it (for the editor in the room too, without a reload), and the decision queue shows the outcome, the meeting and the date on the item.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { contextFor, launchBrowser, openPage } from '../helpers/browser'
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

describe('decisions in the meeting room', () => {
  it('decides an item with votes and shows the outcome on the decision queue', { timeout: 120_000 }, async () => {
    const { owner, workspaceId, documentId, addMember } = await workspaceWithDocument(server.url, 'decisions')
    const editor = await addMember('Eddie Editor', 'editor')
    const meetingId = (await owner.post(`/api/workspaces/${workspaceId}/meetings`, {
      cadence: 'board', title: 'Board December', startsAt: new Date(Date.now() - 3600_000).toISOString(), agenda: [documentId],
    })).body.id as string
    expect((await owner.post(`/api/meetings/${meetingId}/decision-items`, { items: [{ question: 'Approve the SOC 2 auditor', dueDate: '2026-12-15' }] })).status).toBe(201)

    const ownerPage = await openPage(await contextFor(browser, server.url, owner), `${server.url}/m/${meetingId}`)
    const editorPage = await openPage(await contextFor(browser, server.url, editor), `${server.url}/m/${meetingId}`)
    await ownerPage.getByTestId('meeting-start').click()
    await ownerPage.locator('[data-testid="meeting-room"][data-status="in-progress"]').waitFor()
    await editorPage.getByTestId('meeting-decisions').waitFor()

    const form = ownerPage.getByTestId('decide-item')
    // Both people are in the room: each has a vote.
    await form.getByLabel('Vote of Eddie Editor').waitFor({ timeout: 10_000 })
    await form.getByLabel('Item to decide').selectOption({ label: 'Approve the SOC 2 auditor' })
    await form.getByLabel('Outcome').selectOption('approved')
    await form.getByLabel('Rationale').fill('Best coverage for the price')
    await form.getByLabel('Vote of Olivia Owner').selectOption('for')
    await form.getByLabel('Vote of Eddie Editor').selectOption('against')
    await form.getByRole('button', { name: 'Record decision' }).click()

    const recorded = ownerPage.getByTestId('recorded-decision')
    await recorded.waitFor()
    const text = await recorded.textContent()
    expect(text).toContain('Approve the SOC 2 auditor')
    expect(text).toContain('Approved')
    expect(text).toContain('Olivia Owner for, Eddie Editor against')
    // Decided: no open item is left to decide.
    await ownerPage.getByText('No open items in the decision queue.').waitFor()

    // The other person in the room sees it without a reload (a notice on the notes document's socket).
    await editorPage.getByTestId('recorded-decision').filter({ hasText: 'Olivia Owner for, Eddie Editor against' }).waitFor({ timeout: 10_000 })

    await editorPage.goto(`${server.url}/d/${documentId}`)
    await expect.poll(() => editorPage.locator('.decision-outcome').first().textContent(), { timeout: 10_000 })
      .toMatch(/Approved at Board December, \d{1,2} \w{3} \d{4}: Best coverage for the price/)
  })
})
