// Workspace search in Chromium through the real server: Ctrl+K opens it, typing lists matches with
// the record and a marked snippet (as text), choosing one opens the document at that record.
// Screenshots go to SCREENSHOT_DIR when it is set.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addInitiative, readRoadmap } from '../../shared/documents/roadmap'
import { workspaceWithDocument } from '../helpers/api'
import { contextFor, launchBrowser, openPage } from '../helpers/browser'
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

async function screenshots(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR
  if (!dir) return
  for (const width of [1440, 768]) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: `${dir}/${name}-${width}.png` })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

it('Ctrl+K, type, choose a result: the document opens at that record', async () => {
  const { owner, workspaceId, documentId } = await workspaceWithDocument(server.url, 'roadmap')
  const client = connectDoc(server.url, documentId, owner.cookie)
  let recordId = ''
  try {
    await client.synced()
    const ws = readRoadmap(client.doc).windowStart
    for (const title of ['Data platform', 'Payroll <i>consolidation</i>', 'Mobile app']) {
      const added = addInitiative(client.doc, { title, startMonth: ws, endMonth: ws })
      if (!added.ok) throw new Error(added.error)
      if (title.startsWith('Payroll')) recordId = added.id
    }
    await waitFor(async () => (await owner.get(`/api/workspaces/${workspaceId}/search?q=payroll`)).body.results.length > 0 || null)
  } finally {
    client.destroy()
  }

  const page = await openPage(await contextFor(browser, server.url, owner), `${server.url}/w/${workspaceId}`)
  await page.getByTestId('search-open').waitFor()
  await page.keyboard.press('Control+k')
  const input = page.getByRole('combobox', { name: 'Search' })
  await input.waitFor()
  await input.fill('payro')
  const result = page.getByTestId('search-result').first()
  await result.waitFor()
  expect(await result.innerText()).toContain('Payroll <i>consolidation</i>')
  expect(await result.locator('mark').first().innerText()).toBe('Payroll')
  expect(await page.locator('.search-results i').count()).toBe(0)
  await screenshots(page, 'search-results')

  await input.press('Enter')
  await page.waitForURL(`${server.url}/d/${documentId}?record=${recordId}`)
  const row = page.locator(`[data-row-id="${recordId}"]`)
  await row.and(page.locator('[data-search-target]')).waitFor()
  await expect.poll(() => row.evaluate((el) => {
    const box = el.getBoundingClientRect()
    return box.top >= 0 && box.bottom <= window.innerHeight
  })).toBe(true)
  await screenshots(page, 'search-opened')
})
