// A roadmap of 500 initiatives in Chromium: the table renders only a window of rows, yet scrolling,
// remote edits, Tab, the Find box and print all reach every row. Build the client first: `npx vite build`.
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addMonths } from '../../shared/documents/calendar'
import { addInitiative, readRoadmap, template, updateInitiative } from '../../shared/documents/roadmap'
import { workspaceWithDocument } from '../helpers/api'
import { contextFor, launchBrowser, openPage } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

const ROWS = 500

let server: TestServer
let browser: Browser
beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer({ serveClient: true }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

const renderedRows = (page: Page) => page.locator('[data-testid="initiative-row"]').count()
const rowOf = (id: string) => `[data-testid="initiative-row"][data-initiative-id="${id}"]`
const BOX = '.table-scroll.is-windowed'
/** The table position (0-based, as shown) of the row holding focus; null when focus is outside the table. */
const focusedRowIndex = (page: Page) =>
  page.evaluate(() => {
    const row = document.activeElement?.closest('[data-testid="initiative-row"]')
    return row ? Number(row.getAttribute('aria-rowindex')) - 2 : null
  })

/** Scrolls the table's box down half a view at a time until `selector` is rendered. */
async function scrollUntil(page: Page, selector: string): Promise<void> {
  await page.evaluate((box) => (document.querySelector(box)!.scrollTop = 0), BOX)
  await waitFor(async () => {
    if ((await page.locator(selector).count()) > 0) return true
    await page.evaluate((box) => {
      const el = document.querySelector(box)!
      el.scrollTop += el.clientHeight / 2
    }, BOX)
    return false
  }, { timeoutMs: 15_000, intervalMs: 20, message: `scrolled to ${selector}` })
}

describe('a 500-initiative roadmap in Chromium', () => {
  it('renders a window of rows, and scrolling, remote edits, Tab, Find and print still reach every row', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url, 'roadmap')
    const remote = connectDoc(server.url, documentId, owner.cookie)
    await remote.synced()
    const start = new Date().toISOString().slice(0, 7)
    remote.doc.transact(() => {
      template(remote.doc, { windowStart: start })
      for (let n = 1; n <= ROWS; n++) addInitiative(remote.doc, { title: `Initiative ${n}`, owner: `Owner ${n}`, startMonth: start, endMonth: addMonths(start, n % 6) })
    })
    const ids = readRoadmap(remote.doc).initiatives.map((i) => i.id)
    expect(ids).toHaveLength(ROWS)

    const context = await contextFor(browser, server.url, owner)
    const page = await openPage(context, `${server.url}/d/${documentId}`)
    await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]')
    await page.waitForSelector(rowOf(ids[0]))

    // Only a window is in the page; the table says how many rows there are.
    expect(await page.getAttribute('[data-testid="roadmap-table"]', 'aria-rowcount')).toBe(String(ROWS + 1))
    const windowSize = await renderedRows(page)
    expect(windowSize).toBeGreaterThan(5)
    expect(windowSize).toBeLessThan(100)
    expect(await page.locator(rowOf(ids[ROWS - 1])).count()).toBe(0)

    if (process.env.SCREENSHOT_DIR) {
      mkdirSync(process.env.SCREENSHOT_DIR, { recursive: true })
      for (const width of [1440, 820]) {
        await page.setViewportSize({ width, height: 900 })
        await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/roadmap-500-${width}.png` })
      }
      await page.setViewportSize({ width: 1280, height: 900 })
    }

    // Scrolling to the end reveals the last row, at its place.
    await page.evaluate((box) => (document.querySelector(box)!.scrollTop = 1e9), BOX)
    await page.waitForSelector(rowOf(ids[ROWS - 1]))
    expect(await page.getAttribute(rowOf(ids[ROWS - 1]), 'aria-rowindex')).toBe(String(ROWS + 1))
    expect(await page.locator(rowOf(ids[0])).count()).toBe(0)

    // A remote edit of a row that is not rendered shows once the row is scrolled to.
    await page.evaluate((box) => (document.querySelector(box)!.scrollTop = 0), BOX)
    await page.waitForSelector(rowOf(ids[0]))
    const far = ids[300]
    expect(await page.locator(rowOf(far)).count()).toBe(0)
    expect(updateInitiative(remote.doc, far, { owner: 'Remote Rita' }).ok).toBe(true)
    await scrollUntil(page, rowOf(far))
    await expect.poll(() => page.inputValue(`${rowOf(far)} [data-testid="initiative-owner"]`)).toBe('Remote Rita')

    // Focus stays in a row scrolled far out of the window, and Tab walks on into the next row.
    await page.evaluate((box) => (document.querySelector(box)!.scrollTop = 0), BOX)
    await page.focus(`${rowOf(ids[2])} [data-testid="initiative-owner"]`)
    await page.evaluate((box) => (document.querySelector(box)!.scrollTop = 1e9), BOX)
    await page.waitForSelector(rowOf(ids[ROWS - 1]))
    expect(await page.locator(rowOf(ids[10])).count()).toBe(0)
    expect(await focusedRowIndex(page)).toBe(2)
    for (let press = 0; press < 6 && (await focusedRowIndex(page)) === 2; press++) await page.keyboard.press('Tab')
    expect(await focusedRowIndex(page)).toBe(3)
    await page.keyboard.press('Shift+Tab')
    expect(await focusedRowIndex(page)).toBe(2)

    // The Find box reaches a row far down.
    await page.fill('[data-testid="roadmap-find"]', 'initiative 487')
    await page.waitForSelector(rowOf(ids[486]))
    expect(await renderedRows(page)).toBe(1)
    await page.fill('[data-testid="roadmap-find"]', '')
    await expect.poll(() => page.getAttribute('[data-testid="roadmap-table"]', 'aria-rowcount')).toBe(String(ROWS + 1))

    // Printing renders every row; back on screen, the window returns.
    await page.emulateMedia({ media: 'print' })
    await expect.poll(() => renderedRows(page)).toBe(ROWS)
    await page.emulateMedia({ media: 'screen' })
    await expect.poll(() => renderedRows(page)).toBeLessThan(100)

    remote.destroy()
    await context.close()
  }, 60_000)
})
