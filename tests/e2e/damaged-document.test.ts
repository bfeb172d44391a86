// Opening a document whose stored history is damaged tells the reader so, at once and for good,
// instead of "Connecting…" forever; an editor and a viewer alike. With SCREENSHOT_DIR set,
// screenshots of the page at 1440 and 768 px go there to be looked at.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeFindings, blocking } from '../helpers/axe'
import { contextFor, launchBrowser, openPage } from '../helpers/browser'
import { documentWithLostRow } from '../helpers/damaged-document'
import { screenshotsAtWidths } from '../helpers/screenshots'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
let browser: Browser
beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer({ serveClient: true, tuning: { unloadAfterMs: 200 } }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

describe('a damaged document in Chromium', () => {
  it('shows that it cannot be opened, and why, instead of connecting forever', async () => {
    const { owner, documentId, addMember } = await documentWithLostRow(server)
    const viewer = await addMember('Vera Viewer', 'viewer')

    for (const api of [owner, viewer]) {
      const context = await contextFor(browser, server.url, api)
      const page = await openPage(context, `${server.url}/d/${documentId}`)
      await page.waitForSelector('[data-testid="connection-status"][data-state="no-access"]', { timeout: 15_000 })
      expect(await page.textContent('[data-testid="connection-status"]')).toContain('Cannot be opened')
      const alert = page.locator('[role="alert"]', { hasText: 'stored history is damaged' })
      expect(await alert.textContent()).toContain('Nothing has been changed. Ask your workspace owner or operator to restore it from a backup.')
      expect(await page.isVisible('[data-testid="read-only-badge"]')).toBe(true)
      // No empty body that would look like lost content.
      expect(await page.textContent('[data-testid="document-unavailable"]')).toContain('contents are not shown')
      expect(await page.locator('.ProseMirror').count()).toBe(0)
      expect(blocking(await axeFindings(page))).toEqual([])
      if (api === owner) await screenshotsAtWidths(page, 'damaged-document', [1440, 768], 900, false)
      await context.close()
    }
  }, 60_000)
})
