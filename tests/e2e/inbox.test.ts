// Mentions and the inbox in Chromium through the real server: the owner mentions a viewer through
// the "@" combobox (keyboard only); the viewer's bell, on another page, counts it without a reload;
// choosing the notification opens the document focused on the thread. Screenshots go to
// SCREENSHOT_DIR when it is set.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { axeFindings, blocking } from '../helpers/axe'
import { contextFor, launchBrowser, openPage } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'
import { screenshotsAtWidths } from '../helpers/screenshots'

let server: TestServer
let browser: Browser
beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer({ serveClient: true }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

const screenshots = (page: Page, name: string) => screenshotsAtWidths(page, name, [1440, 768], 900, false)

it('a mention raises the other person\'s inbox count live; choosing it opens the thread', async () => {
  const { owner, workspaceId, documentId, addMember } = await workspaceWithDocument(server.url, 'notes')
  await addMember('Eddie Editor', 'editor')
  const viewer = await addMember('Vera Viewer', 'viewer')
  const ownerPage = await openPage(await contextFor(browser, server.url, owner), `${server.url}/d/${documentId}`)
  const viewerPage = await openPage(await contextFor(browser, server.url, viewer), `${server.url}/w/${workspaceId}`)
  const bell = viewerPage.getByTestId('inbox-bell')
  await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications')

  // Keyboard only: "@ve" offers Vera, Enter chooses her, Ctrl+Enter sends.
  const box = ownerPage.getByLabel('Comment on this document')
  await ownerPage.getByText('No open threads.').waitFor()
  await box.click()
  await box.pressSequentially('Please check this @ve')
  const options = ownerPage.getByRole('listbox', { name: 'People to mention' }).getByRole('option')
  await expect.poll(() => options.allInnerTexts()).toEqual(['Vera Viewer'])
  expect(await box.getAttribute('aria-expanded')).toBe('true')
  await screenshots(ownerPage, 'inbox-mention-picker')
  expect(blocking(await axeFindings(ownerPage))).toEqual([])
  await box.press('Enter')
  expect(await box.inputValue()).toBe('Please check this @Vera Viewer ')
  expect(await box.getAttribute('aria-expanded')).toBe('false')
  await box.press('Control+Enter')
  await ownerPage.locator('[data-testid="comment-body"]', { hasText: 'Please check this @Vera Viewer' }).waitFor()

  // The viewer's bell counts it without a reload.
  await viewerPage.getByTestId('inbox-count').waitFor({ timeout: 5_000 })
  expect(await viewerPage.getByTestId('inbox-count').innerText()).toBe('1')
  expect(await bell.getAttribute('aria-label')).toBe('Notifications, 1 unread')
  await bell.click()
  const item = viewerPage.getByTestId('inbox-item')
  await item.waitFor()
  expect(await item.innerText()).toContain('Olivia Owner mentioned you on Doc')
  await screenshots(viewerPage, 'inbox-open')
  expect(blocking(await axeFindings(viewerPage))).toEqual([])

  // Choosing it opens the document focused on the thread, and the count drops.
  await item.click()
  await viewerPage.waitForURL(/\/d\/[^/]+\?thread=/)
  expect(new URL(viewerPage.url()).pathname).toBe(`/d/${documentId}`)
  await expect.poll(() => viewerPage.evaluate(() => document.activeElement?.id ?? ''), { timeout: 5_000 }).toMatch(/^thread-/)
  expect(await viewerPage.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Please check this @Vera Viewer')
  await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 5_000 }).toBe('Notifications')
  await screenshots(viewerPage, 'inbox-thread')
})
