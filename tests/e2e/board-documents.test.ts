// The board documents in Chromium, through the real server: two people in separate browser
// contexts edit the same structured document and each sees the other's change in the derived
// views (totals, timeline, tiles, renewal flags). Build the client first: `npx vite build`.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient } from '../helpers/api'
import { workspaceWithDocument } from '../helpers/api'
import { contextFor, launchBrowser, openPage } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'
import { sleep } from '../helpers/wait'

let server: TestServer
let browser: Browser
beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer({ serveClient: true }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

/** An owner and an editor, each in their own browser context, on one new document of `kind`. */
async function twoEditors(kind: string) {
  const setup = await workspaceWithDocument(server.url, kind)
  const editor = await setup.addMember('Eddie Editor', 'editor')
  const contexts = await Promise.all([setup.owner, editor].map((api) => contextFor(browser, server.url, api as ApiClient)))
  const url = `${server.url}/d/${setup.documentId}`
  const [a, b] = await Promise.all(contexts.map((c) => openPage(c, url)))
  for (const page of [a, b]) await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]')
  return { ...setup, a, b, url, close: () => Promise.all(contexts.map((c) => c.close())) }
}

/** Local calendar day + n days, as the page computes it (browser and test share the machine). */
function isoDay(offsetDays: number): string {
  const d = new Date()
  d.setDate(d.getDate() + offsetDays)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

const attr = (page: Page, selector: string, name: string) => page.getAttribute(selector, name).catch(() => null)

describe('board documents in Chromium', () => {
  it('roadmap: a cost edited on one page moves the other page\'s totals and timeline; bad values and undo stay local', async () => {
    const { a, b, close } = await twoEditors('roadmap')

    await a.click('[data-testid="add-initiative"]')
    await b.waitForSelector('[data-testid="initiative-row"]')
    const id = (await a.getAttribute('[data-testid="initiative-row"]', 'data-initiative-id'))!
    // The new row's title has focus.
    await a.keyboard.type('Data platform rebuild')
    await a.keyboard.press('Enter')
    await expect.poll(() => b.inputValue('[data-testid="initiative-title"]')).toBe('Data platform rebuild')

    const bar = `[data-testid="timeline-bar"][data-initiative-id="${id}"]`
    expect(await attr(b, bar, 'data-cost')).toBe('0')
    const cost = `[data-initiative-id="${id}"] [data-testid="initiative-oneOffCost"]`
    await a.fill(cost, '120,000')
    await a.keyboard.press('Enter')
    await expect.poll(() => attr(b, '[data-testid="roadmap-total-cost"]', 'data-value')).toBe('120000')
    expect(await b.textContent('[data-testid="roadmap-total-cost"]')).toContain('120,000')
    await expect.poll(() => attr(b, bar, 'data-cost')).toBe('120000')
    expect(await attr(b, bar, 'title')).toContain('120,000')

    // A refused value: message next to the field on A's page only; nothing reaches B.
    await a.fill(cost, '-5')
    await a.keyboard.press('Enter')
    await expect.poll(() => a.textContent(`[data-initiative-id="${id}"] [data-testid="field-error"]`)).toContain('cannot be negative')
    await a.keyboard.press('Escape')
    expect(await a.inputValue(cost)).toBe('120,000')
    expect(await attr(b, '[data-testid="roadmap-total-cost"]', 'data-value')).toBe('120000')

    // A lengthens the initiative: B's bar grows (end offset and width).
    const widthBefore = (await b.locator(bar).boundingBox())!.width
    await sleep(500) // let A's undo manager close its capture group, so the next undo takes only this edit
    const endSelect = a.locator(`[data-initiative-id="${id}"] select[aria-label="End month"]`)
    const endValue = await endSelect.locator('option').nth(5).getAttribute('value')
    await endSelect.selectOption(endValue!)
    await expect.poll(() => attr(b, bar, 'data-end')).toBe('5')
    await expect.poll(async () => (await b.locator(bar).boundingBox())!.width).toBeGreaterThan(widthBefore * 1.5)

    // B changes capacity; A's undo reverts only A's own last edit (the end month).
    await b.fill(`[data-initiative-id="${id}"] [data-testid="initiative-capacity"]`, '30')
    await b.keyboard.press('Enter')
    await expect.poll(() => attr(a, '[data-testid="roadmap-total-capacity"]', 'data-value')).toBe('30')
    await a.click('[data-testid="undo"]')
    await expect.poll(() => attr(b, bar, 'data-end')).toBe('2')
    // The keyboard does the same (focus is on the Undo button, inside the view).
    await a.keyboard.press('Control+Shift+Z')
    await expect.poll(() => attr(b, bar, 'data-end')).toBe('5')
    await a.keyboard.press('Control+Z')
    await expect.poll(() => attr(b, bar, 'data-end')).toBe('2')
    await sleep(300)
    expect(await attr(b, '[data-testid="roadmap-total-capacity"]', 'data-value')).toBe('30')
    expect(await attr(b, '[data-testid="roadmap-total-cost"]', 'data-value')).toBe('120000')

    // Risk colours the bar and counts as an open high risk.
    await a.selectOption(`[data-initiative-id="${id}"] select[aria-label="Risk"]`, 'high')
    await expect.poll(() => attr(b, bar, 'data-risk')).toBe('high')
    await expect.poll(() => attr(b, '[data-testid="roadmap-high-risk-count"]', 'data-value')).toBe('1')
    await close()
  })

  it('brief: a pillar status changed on one page recolours the tile on the other', async () => {
    const { a, b, close } = await twoEditors('brief')
    const tile = '[data-testid="pillar-tile"][data-pillar="engineering"]'
    await b.waitForSelector(tile)
    expect(await attr(b, tile, 'data-status')).toBe('on-track')
    const onTrack = await b.$eval(tile, (el) => getComputedStyle(el).backgroundColor)

    await a.selectOption('[data-testid="pillar-section"][data-pillar="engineering"] [data-testid="pillar-status"]', 'at-risk')
    await expect.poll(() => attr(b, tile, 'data-status')).toBe('at-risk')
    const atRisk = await b.$eval(tile, (el) => getComputedStyle(el).backgroundColor)
    expect(atRisk).toBe('rgb(255, 240, 240)')
    expect(atRisk).not.toBe(onTrack)
    expect(await attr(b, '[data-testid="pillar-section"][data-pillar="engineering"]', 'data-status')).toBe('at-risk')

    // The narrative is a live rich-text field too.
    await a.click('[data-testid="pillar-section"][data-pillar="engineering"] .ProseMirror')
    await a.keyboard.type('Migration two weeks late.')
    await expect.poll(() => b.textContent('[data-testid="pillar-section"][data-pillar="engineering"] .ProseMirror')).toContain('Migration two weeks late.')
    await close()
  })

  it('risks: a severity changed on one page moves the other page\'s score; rows open, and delete by their own buttons', async () => {
    const { a, b, close } = await twoEditors('risks')
    for (const title of ['Supplier outage', 'Key person leaves']) {
      await a.click('[data-testid="add-risk"]')
      await a.keyboard.type(title)
      await a.keyboard.press('Enter')
    }
    await expect.poll(() => b.locator('[data-testid="risk-row"]').count()).toBe(2)
    const second = b.locator('[data-testid="risk-row"]').nth(1)
    const secondId = await second.getAttribute('data-risk-id')
    await b.selectOption(`[data-risk-id="${secondId}"] [data-testid="risk-severity"]`, '5')
    await b.selectOption(`[data-risk-id="${secondId}"] [data-testid="risk-likelihood"]`, '5')
    await expect.poll(() => a.textContent(`[data-risk-id="${secondId}"] [data-testid="risk-score"]`)).toBe('25')

    // The toggle and delete buttons act on their own row (callbacks are kept per row id).
    await a.click(`[data-risk-id="${secondId}"] .row-toggle`)
    expect(await a.getAttribute(`[data-risk-id="${secondId}"] .row-toggle`, 'aria-expanded')).toBe('true')
    await a.click(`[data-risk-id="${secondId}"] .row-delete`)
    await a.click('[data-testid="confirm-delete"]')
    await expect.poll(() => b.locator('[data-testid="risk-row"]').count()).toBe(1)
    expect(await b.$(`[data-risk-id="${secondId}"]`)).toBeNull()
    await close()
  })

  it('vendors: a renewal whose notice deadline is inside 90 days is flagged, on both pages', async () => {
    const { a, b, close } = await twoEditors('vendors')
    await a.click('[data-testid="add-vendor"]')
    await a.keyboard.type('Datadog')
    await a.keyboard.press('Enter')
    await b.waitForSelector('[data-testid="vendor-row"]')
    expect(await b.$('[data-testid="renewal-flag"]')).toBeNull()

    // Renewal in 60 days with 30 days' notice: the notice deadline is 30 days away.
    await a.fill('[data-testid="vendor-renewalDate"]', isoDay(60))
    await a.keyboard.press('Enter')
    await a.fill('[data-testid="vendor-noticeDays"]', '30')
    await a.keyboard.press('Enter')
    await expect.poll(() => b.textContent('[data-testid="renewal-flag"]').catch(() => null)).toBe('Notice in 30 days')
    expect(await a.textContent('[data-testid="renewal-flag"]')).toBe('Notice in 30 days')
    expect(await attr(b, '[data-testid="notice-deadline"]', 'data-date')).toBe(isoDay(30))

    // A later renewal puts the deadline beyond the 90-day horizon: no flag.
    await a.fill('[data-testid="vendor-renewalDate"]', isoDay(200))
    await a.keyboard.press('Enter')
    await expect.poll(() => b.$('[data-testid="renewal-flag"]')).toBeNull()
    await close()
  })

  it('vendors: the currency chosen on one page re-labels the values on the other; a viewer only reads it', async () => {
    const { a, b, url, addMember, close } = await twoEditors('vendors')
    await a.click('[data-testid="add-vendor"]')
    await a.keyboard.type('Okta')
    await a.keyboard.press('Enter')
    await a.fill('[data-testid="vendor-annualValue"]', '120000')
    await a.keyboard.press('Enter')
    await expect.poll(() => attr(b, '[data-testid="vendors-annual-total"]', 'data-value')).toBe('120000')
    expect(await b.textContent('[data-testid="vendors-annual-total"]')).toContain('$')

    await a.selectOption('[data-testid="vendors-currency"]', 'GBP')
    await expect.poll(() => b.textContent('[data-testid="vendors-annual-total"]')).toContain('£')
    expect(await b.inputValue('[data-testid="vendors-currency"]')).toBe('GBP')
    expect(await attr(b, '[data-testid="vendors-annual-total"]', 'data-value')).toBe('120000')

    const viewer = await contextFor(browser, server.url, (await addMember('Vera Viewer', 'viewer')) as ApiClient)
    const v = await openPage(viewer, url)
    await v.waitForSelector('[data-testid="connection-status"][data-state="connected"]')
    await expect.poll(() => v.textContent('[data-testid="vendors-currency"]')).toBe('GBP')
    expect(await v.$('select[data-testid="vendors-currency"]')).toBeNull()
    await viewer.close()
    await close()
  })

  it('roadmap: rows added or changed since the last board meeting carry a badge', async () => {
    const { a, owner, workspaceId, documentId, url, close } = await twoEditors('roadmap')
    await a.click('[data-testid="add-initiative"]')
    await a.keyboard.type('Before the board')
    await a.keyboard.press('Enter')
    await sleep(300)

    const meeting = await owner.post(`/api/workspaces/${workspaceId}/meetings`, {
      cadence: 'board', title: 'Q board', startsAt: new Date().toISOString(), agenda: [documentId],
    })
    expect(meeting.status).toBe(201)
    const ended = await owner.post(`/api/meetings/${meeting.body.id ?? meeting.body.meeting?.id}/end`)
    expect(ended.status).toBe(200)

    await a.goto(url)
    await a.waitForSelector('[data-testid="initiative-row"]')
    await sleep(500)
    expect(await a.$('[data-testid="changed-since-board"]')).toBeNull()

    await a.click('[data-testid="add-initiative"]')
    await a.keyboard.type('After the board')
    await a.keyboard.press('Enter')
    await expect.poll(() => a.locator('[data-testid="changed-since-board"]').count()).toBe(1)
    const badgeRow = a.locator('[data-testid="initiative-row"]', { has: a.locator('[data-testid="changed-since-board"]') })
    expect(await badgeRow.locator('[data-testid="initiative-title"]').inputValue()).toBe('After the board')
    await close()
  })
})
