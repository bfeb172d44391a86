// Action items and minutes in Chromium through the real server: an action added in the room reaches
// another person's page without a reload; the meeting ends and the owner approves the minutes; the
// next meeting of the same cadence shows the open action at the top of its agenda until it is done;
// the Actions page lists open items by owner with overdue ones flagged, and "My actions"; the
// owner's audit log records the approval. "Make action" in the notes toolbar turns the line the
// caret is in, or the selected text, into the title of a new action whose owner and date are chosen.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { contextFor, launchBrowser, openPage } from '../helpers/browser'
import { screenshot } from '../helpers/screenshots'
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

const actionTitles = (page: Page, scope: string) =>
  page.locator(`${scope} [data-testid="action-item"]`).evaluateAll((items) =>
    items.map((li) => (li.querySelector('textarea[aria-label="Action"]') as HTMLTextAreaElement | null)?.value ?? li.querySelector('.action-title')?.textContent ?? ''))

describe('action items and minutes in the meeting room', () => {
  it('adds an action live, approves the minutes, carries the action to the next meeting until done', { timeout: 120_000 }, async () => {
    const { owner, workspaceId, addMember } = await workspaceWithDocument(server.url, 'decisions')
    const viewer = await addMember('Vera Viewer', 'viewer')
    const schedule = async (title: string, startsAt: string, cadence = 'leadership') =>
      (await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence, title, startsAt })).body.id as string
    const first = await schedule('Leadership, week 1', new Date(Date.now() - 3600_000).toISOString())
    const next = await schedule('Leadership, week 3', new Date(Date.now() + 14 * 86400_000).toISOString())
    const board = await schedule('Board', new Date(Date.now() + 20 * 86400_000).toISOString(), 'board')

    const ownerPage = await openPage(await contextFor(browser, server.url, owner), `${server.url}/m/${first}`)
    const viewerPage = await openPage(await contextFor(browser, server.url, viewer), `${server.url}/m/${first}`)
    await ownerPage.getByTestId('meeting-start').click()
    await ownerPage.locator('[data-testid="meeting-room"][data-status="in-progress"]').waitFor()
    await viewerPage.getByTestId('meeting-actions').waitFor()
    // Both pages are in the room (each sees the other's presence) before the change.
    await ownerPage.getByText('Vera Viewer').first().waitFor()

    await ownerPage.getByLabel('New action', { exact: true }).fill('Send the vendor shortlist')
    await ownerPage.getByLabel('Due date of the new action').fill('2020-01-15')
    await ownerPage.getByRole('button', { name: 'Add', exact: true }).click()
    await viewerPage.locator('[data-testid="meeting-actions"] [data-testid="action-item"]', { hasText: 'Send the vendor shortlist' }).waitFor({ timeout: 10_000 })
    await viewerPage.locator('[data-testid="meeting-actions"] [data-testid="overdue"]').waitFor()
    expect(await viewerPage.getByLabel('New action', { exact: true }).count()).toBe(0)

    await ownerPage.getByTestId('meeting-end').click()
    await ownerPage.getByTestId('meeting-end-confirm').click()
    await ownerPage.getByTestId('approve-minutes').click()
    await expect.poll(() => ownerPage.getByTestId('minutes-approved').textContent()).toMatch(/^Minutes approved by Olivia Owner on \d{1,2} \w{3} \d{4}/)
    expect(await ownerPage.getByTestId('minutes-link').getAttribute('href')).toMatch(/\/history\?version=1$/)
    await viewerPage.reload()
    await viewerPage.getByTestId('minutes-approved').waitFor()
    expect(await viewerPage.getByTestId('approve-minutes').count()).toBe(0)

    // The next meeting of the cadence carries it at the top of the agenda; the board meeting does not.
    await ownerPage.goto(`${server.url}/m/${next}`)
    await ownerPage.getByTestId('carried-actions').waitFor()
    expect(await actionTitles(ownerPage, '[data-testid="carried-actions"]')).toEqual(['Send the vendor shortlist'])
    await ownerPage.goto(`${server.url}/m/${board}`)
    await ownerPage.getByTestId('meeting-actions').waitFor()
    await ownerPage.getByText('No action items yet.').waitFor()
    expect(await ownerPage.getByTestId('carried-actions').count()).toBe(0)

    // The Actions page: by owner, overdue flagged, "My actions" for the viewer is empty.
    await viewerPage.goto(`${server.url}/w/${workspaceId}/actions`)
    await viewerPage.getByTestId('action-group').waitFor()
    expect(await viewerPage.getByTestId('action-group').locator('h2').textContent()).toContain('Olivia Owner')
    await viewerPage.getByTestId('overdue').waitFor()
    await viewerPage.getByTestId('my-actions').check()
    await viewerPage.getByText('You have no open actions.').waitFor()

    await ownerPage.goto(`${server.url}/m/${next}`)
    await ownerPage.locator('[data-testid="carried-actions"] [data-testid="action-done"]').click()
    await ownerPage.getByTestId('carried-actions').waitFor({ state: 'detached' })
    await ownerPage.reload()
    await ownerPage.getByTestId('meeting-actions').waitFor()
    expect(await ownerPage.getByTestId('carried-actions').count()).toBe(0)

    // The owner's audit log shows the approval once, and filters to it; a viewer is refused.
    await ownerPage.goto(`${server.url}/w/${workspaceId}/audit`)
    await ownerPage.locator('[data-testid="audit-entry"][data-action="meeting-ended"]').waitFor()
    await ownerPage.getByLabel('What').selectOption('minutes-approved')
    await expect.poll(() => ownerPage.getByTestId('audit-entry').count()).toBe(1)
    expect(await ownerPage.getByTestId('audit-entry').textContent()).toContain('Olivia Owner · Minutes approved')
    await viewerPage.goto(`${server.url}/w/${workspaceId}/audit`)
    await viewerPage.getByText('Only owners read the audit log').waitFor()
  })
  it('makes an action from a line of the notes, or from selected text, with the owner and date chosen', { timeout: 90_000 }, async () => {
    const { owner, workspaceId, addMember } = await workspaceWithDocument(server.url, 'decisions')
    await addMember('Eddie Editor', 'editor')
    const meeting = (await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Board', startsAt: new Date().toISOString() })).body.id as string
    const page = await openPage(await contextFor(browser, server.url, owner), `${server.url}/m/${meeting}`)
    await page.getByTestId('meeting-start').click()
    await page.locator('[data-testid="meeting-room"][data-status="in-progress"]').waitFor()
    const notes = page.locator('[aria-label="Meeting notes"]')
    await notes.click()
    await page.keyboard.type('Send the board deck to Dana')

    // Keyboard: from the notes back to the toolbar's "Make action", which fills the form and moves
    // focus to the owner, to be chosen.
    await page.keyboard.press('Shift+Tab')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Make action')
    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: 900 })
      await page.getByTestId('meeting-notes').scrollIntoViewIfNeeded()
      await screenshot(page, `notes-make-action-${width}`)
    }
    await page.keyboard.press('Enter')
    const title = page.getByLabel('New action', { exact: true })
    await expect.poll(() => title.inputValue()).toBe('Send the board deck to Dana')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Owner of the new action')
    await screenshot(page, 'notes-make-action-form')
    await page.getByLabel('Owner of the new action').selectOption({ label: 'Eddie Editor' })
    await page.getByLabel('Due date of the new action').fill('2031-02-03')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    const made = page.locator('[data-testid="meeting-actions"] [data-testid="action-item"]').first()
    await made.waitFor()
    expect(await actionTitles(page, '[data-testid="meeting-actions"]')).toEqual(['Send the board deck to Dana'])
    expect(await made.getByLabel('Owner').evaluate((s: HTMLSelectElement) => s.selectedOptions[0].text)).toBe('Eddie Editor')
    expect(await made.getByLabel('Due date').inputValue()).toBe('2031-02-03')
    await expect.poll(() => title.inputValue()).toBe('')

    // Selected text: only the selection, from a list item (the template's empty "Actions" item).
    const item = notes.locator('li').last()
    await item.click()
    await page.keyboard.type('Ask Finance for the Q3 numbers by Friday')
    for (let i = 0; i < ' by Friday'.length; i++) await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Shift+Home')
    await page.getByRole('button', { name: 'Make action' }).click()
    await expect.poll(() => title.inputValue()).toBe('Ask Finance for the Q3 numbers')
    await page.getByLabel('Due date of the new action').fill('2031-03-01')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await expect.poll(() => actionTitles(page, '[data-testid="meeting-actions"]')).toEqual(['Send the board deck to Dana', 'Ask Finance for the Q3 numbers'])
    // The notes are unchanged by it: the line is still there, whole.
    expect(await item.textContent()).toBe('Ask Finance for the Q3 numbers by Friday')
  })
})
