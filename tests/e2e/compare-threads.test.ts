// The compare view in Chromium lists the threads resolved and opened between two saved versions,
// their text shown inert; a saved version lists the threads it recorded. Screenshots go to SCREENSHOT_DIR when it is set.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
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

async function screenshots(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR
  if (!dir) return
  for (const width of [1440, 768]) {
    await page.setViewportSize({ width, height: 1000 })
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

it('compare lists the threads resolved and opened between two versions', async () => {
  const { owner, documentId, addMember } = await workspaceWithDocument(server.url, 'roadmap')
  const viewer = await addMember('Vera Viewer', 'viewer')
  const thread = async (body: string) => (await viewer.post(`/api/documents/${documentId}/comments`, { body, anchor: { type: 'document' } })).body.comment.id as string
  const hostile = 'Why <b>double</b>? <img src=x onerror="window.__hit=1">'
  const asked = await thread(hostile)
  await thread('Still open across both')
  expect((await owner.post(`/api/documents/${documentId}/versions`, { label: 'Before the board' })).status).toBe(201)
  expect((await owner.patch(`/api/comments/${asked}`, { resolved: true })).status).toBe(200)
  const opened = await thread('Who signs off the vendor renewal?')
  expect((await owner.post(`/api/documents/${documentId}/versions`, { label: 'After the board' })).status).toBe(201)

  const page = await openPage(await contextFor(browser, server.url, viewer), `${server.url}/d/${documentId}/compare?from=1&to=2`)
  const section = page.locator('[data-testid="compare-threads"]')
  await section.getByText('1 resolved').waitFor({ timeout: 10_000 })
  expect(await section.locator(`[data-testid="compare-thread-resolved"][data-thread-id="${asked}"]`).innerText()).toContain(hostile)
  expect(await section.locator(`[data-testid="compare-thread-opened"][data-thread-id="${opened}"]`).innerText()).toContain('Who signs off the vendor renewal?')
  expect(await section.locator('li').count()).toBe(2)
  expect(await section.locator('img, b').count()).toBe(0)
  expect(await page.evaluate(() => (window as { __hit?: number }).__hit)).toBeUndefined()
  await screenshots(page, 'compare-threads')

  // Tablet width: nothing wider than the page.
  await page.setViewportSize({ width: 768, height: 900 })
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)

  // v1 itself lists its threads as they were when it was saved: both open.
  await page.goto(`${server.url}/d/${documentId}/history?version=1`)
  const recorded = page.locator('[data-testid="version-threads"]')
  await recorded.getByText('Discussion when saved: 2 open · 0 resolved').click({ timeout: 10_000 })
  expect(await recorded.locator(`li[data-thread-id="${asked}"]`).getAttribute('data-resolved')).toBe('false')
  expect(await recorded.locator('li').count()).toBe(2)
  expect(await recorded.locator('img, b').count()).toBe(0)
  await screenshots(page, 'version-threads')
})
