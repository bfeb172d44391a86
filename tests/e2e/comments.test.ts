// The Comments panel in Chromium through the real server: a viewer's comment appears on an editor's
// open page without a reload, shown as text; the editor resolves it and it folds away on the
// viewer's page; the panel passes axe and does not widen the page at 390 px; a thread started from
// a roadmap row's comment button is pinned to that initiative and counted on its row for everyone.
// Screenshots go to SCREENSHOT_DIR when it is set.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addInitiative } from '../../shared/documents/roadmap'
import { workspaceWithDocument } from '../helpers/api'
import { axeFindings, blocking } from '../helpers/axe'
import { contextFor, launchBrowser, openPage } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
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

const screenshots = (page: Page, name: string) => screenshotsAtWidths(page, name, [1440, 390])

const panelText = (page: Page) => page.locator('[data-testid="comments-panel"]').innerText()

it('a viewer comments, an editor sees it live and resolves it, the viewer sees it fold away', async () => {
  const { documentId, addMember } = await workspaceWithDocument(server.url, 'notes')
  const editor = await addMember('Eddie Editor', 'editor')
  const viewer = await addMember('Vera Viewer', 'viewer')
  const editorPage = await openPage(await contextFor(browser, server.url, editor), `${server.url}/d/${documentId}`)
  const viewerPage = await openPage(await contextFor(browser, server.url, viewer), `${server.url}/d/${documentId}`)
  for (const page of [editorPage, viewerPage]) await page.getByText('No open threads.').waitFor()

  const hostile = 'Why <b>double</b>? <img src=x onerror="window.__hit=1">'
  await viewerPage.getByLabel('Comment on this document').fill(hostile)
  await viewerPage.getByLabel('Comment on this document').press('Control+Enter')

  // On the editor's page without a reload, as text.
  await editorPage.getByText(hostile).waitFor({ timeout: 5_000 })
  expect(await editorPage.locator('[data-testid="comments-panel"] img, [data-testid="comments-panel"] b').count()).toBe(0)
  expect(await editorPage.evaluate(() => (window as { __hit?: number }).__hit)).toBeUndefined()
  expect(await panelText(editorPage)).toContain('Vera Viewer')
  expect(await panelText(viewerPage)).toContain('1 open')

  // The editor replies; the viewer's page shows the reply.
  const thread = editorPage.locator('[data-testid="comment-thread"]')
  await thread.getByRole('button', { name: 'Reply' }).click()
  await editorPage.getByLabel('Reply to Vera Viewer').fill('Two vendors overlap in Q3.')
  await editorPage.getByRole('button', { name: 'Reply', exact: true }).last().click()
  await viewerPage.getByText('Two vendors overlap in Q3.').waitFor({ timeout: 5_000 })
  await screenshots(viewerPage, 'comments-open')

  // A viewer has no Resolve on someone else's thread; the editor does.
  await editorPage.getByRole('button', { name: 'Resolve' }).click()
  await viewerPage.getByText('1 resolved').waitFor({ timeout: 5_000 })
  expect(await viewerPage.getByText('No open threads.').isVisible()).toBe(true)
  await viewerPage.getByText('1 resolved').click()
  await viewerPage.getByText('Resolved by Eddie Editor').waitFor()
  await screenshots(viewerPage, 'comments-resolved')

  // Accessible and within the width of a phone.
  await viewerPage.setViewportSize({ width: 390, height: 900 })
  expect(blocking(await axeFindings(viewerPage))).toEqual([])
  const overflow = await viewerPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

it('a viewer comments on a roadmap initiative from its row; the editor\'s row shows one open thread', async () => {
  const { owner, documentId, addMember } = await workspaceWithDocument(server.url, 'roadmap')
  const editor = await addMember('Eddie Editor', 'editor')
  const viewer = await addMember('Vera Viewer', 'viewer')
  const editorPage = await openPage(await contextFor(browser, server.url, editor), `${server.url}/d/${documentId}`)
  const viewerPage = await openPage(await contextFor(browser, server.url, viewer), `${server.url}/d/${documentId}`)
  const writer = connectDoc(server.url, documentId, owner.cookie)
  let initiativeId = ''
  try {
    await writer.synced()
    const added = addInitiative(writer.doc, { title: 'Data platform' })
    if (added.ok) initiativeId = added.id
    for (const page of [editorPage, viewerPage]) await page.locator(`[data-initiative-id="${initiativeId}"]`).first().waitFor({ timeout: 5_000 })
  } finally {
    writer.destroy()
  }
  for (const page of [editorPage, viewerPage]) await page.getByText('No open threads.').waitFor()

  await viewerPage.getByRole('button', { name: 'Comment on Data platform' }).click()
  // The form is focused and says what the thread is about.
  expect(await viewerPage.evaluate(() => document.activeElement?.getAttribute('placeholder'))).toBe('Comment on Data platform')
  await viewerPage.keyboard.type('Is the cost signed off?')
  await viewerPage.keyboard.press('Control+Enter')

  await editorPage.getByRole('button', { name: 'Comment on Data platform (1 open thread)' }).waitFor({ timeout: 5_000 })
  await editorPage.getByText('Is the cost signed off?').waitFor()
  const listed = await owner.get(`/api/documents/${documentId}/comments`)
  expect(listed.body.comments.map((c: { anchor: unknown }) => c.anchor)).toEqual([{ type: 'record', recordId: initiativeId }])
  await screenshots(editorPage, 'comments-record')

  // An editor's header (with Save version and the Comments link) still fits a phone.
  await editorPage.setViewportSize({ width: 390, height: 900 })
  const overflow = await editorPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})
