// Accessibility and small screens, on the demo workspace in Chromium (issue #19):
// - every page has no serious or critical axe-core violation, and no page-level horizontal
//   scrolling at 820 px (tablet) and 390 px (phone); with SCREENSHOT_DIR set, screenshots of each
//   at 1440, 820 and 390 px go there to be looked at;
// - a whole meeting is run with the keyboard alone, focus visible at every stop, while a viewer
//   on a phone follows the presenter.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeFindings, blocking } from '../helpers/axe'
import { contextFor, launchBrowser } from '../helpers/browser'
import { startDemoSite, type DemoSite } from '../helpers/demo-site'
import { tabTo } from '../helpers/keyboard'
import { screenshot } from '../helpers/screenshots'

const WIDTHS = [1440, 820, 390] as const
const HEIGHT = { 1440: 900, 820: 1180, 390: 844 } as const

let site: DemoSite
let browser: Browser
beforeAll(async () => {
  ;[site, browser] = await Promise.all([startDemoSite(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await site?.server.dispose()
})

/** Loaded: the page's own marker is there and nothing is still loading (lazy chunks, editors, comparisons). */
async function settled(page: Page, ready: string): Promise<void> {
  await page.waitForSelector(ready, { timeout: 20_000 })
  await page.waitForFunction(() => !document.querySelector('.page-loading, [aria-busy="true"]'), undefined, { timeout: 20_000 })
}

/** Elements sticking out past the right edge of the viewport, outside any box that scrolls them. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth
    const scrollWidth = document.scrollingElement!.scrollWidth
    if (scrollWidth <= width) return null
    // An absolutely positioned element escapes a scroll box that is not its containing block.
    const inScroller = (el: Element) => {
      if (getComputedStyle(el).position === 'absolute') return false
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (/(auto|scroll|hidden)/.test(getComputedStyle(p).overflowX)) return true
      }
      return false
    }
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !inScroller(el))
      .slice(0, 8)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> right=${Math.round(el.getBoundingClientRect().right)}`)
    return { width, scrollWidth, culprits }
  })
}

/** Axe at desktop width, then each width (a screenshot when asked for), with no page-level horizontal scroll below desktop. */
async function checkPage(page: Page, name: string, findings: Record<string, unknown>) {
  await page.setViewportSize({ width: 1440, height: HEIGHT[1440] })
  const serious = blocking(await axeFindings(page))
  if (serious.length) findings[name] = serious
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT[width] })
    await screenshot(page, `${name}-${width}`, { fullPage: true })
    if (width < 1440) {
      const wide = await overflow(page)
      if (wide) findings[`${name} at ${width}px overflows`] = wide
    }
  }
}

describe('accessibility and small screens', () => {
  it('every page: no serious or critical axe violation, no page-level horizontal scroll at 820 and 390 px', async () => {
    const { documents: d, workspaceId } = site
    const findings: Record<string, unknown> = {}

    const anonymous = await browser.newContext()
    const signIn = await anonymous.newPage()
    for (const [name, path, ready] of [
      ['login', '/login', 'input[type="password"]'], ['signup', '/signup', 'input[type="password"]'],
      ['forgot-password', '/forgot-password', 'input[type="email"]'], ['reset-password', '/reset-password?token=x', 'input[type="password"]'],
      ['invite', '/invite?token=x', 'a.button.primary'],
    ]) {
      await signIn.goto(site.server.url + path)
      await settled(signIn, ready)
      await checkPage(signIn, name, findings)
    }
    await anonymous.close()

    const context = await contextFor(browser, site.server.url, site.owner)
    const page = await context.newPage()
    page.on('pageerror', (err) => console.error('[page error]', err.message))
    const connected = '[data-testid="connection-status"][data-state="connected"]'
    const pages: [string, string, string][] = [
      ['workspace', `/w/${workspaceId}`, '[data-testid="workspace-name"]'],
      ['account', '/account', '[data-testid="session-row"]'],
      ...(['roadmap', 'brief', 'vendors', 'decisions', 'risks', 'summary', 'notes'] as const).map(
        (kind): [string, string, string] => [kind, `/d/${d[kind]}`, connected],
      ),
      ['meetings', `/w/${workspaceId}/meetings`, '[data-testid="meeting-row"]'],
      ['actions', `/w/${workspaceId}/actions`, '[data-testid="actions-page"]'],
      ['audit', `/w/${workspaceId}/audit`, '[data-testid="audit-page"]'],
      ['meeting-scheduled', `/m/${site.scheduledMeetingId}`, '[data-testid="stage-document"] .document-body'],
      ['meeting-ended', `/m/${site.endedMeetingId}`, '[data-testid="saved-agenda-document"] .document-body'],
      ['history', `/d/${d.roadmap}/history?version=1`, '[data-testid="version-viewer"] .document-body'],
      ['compare-roadmap', `/d/${d.roadmap}/compare?from=1&to=live`, '[data-testid="compare-view"]'],
      ['compare-brief', `/d/${d.brief}/compare?from=1&to=live`, '[data-testid="compare-view"]'],
    ]
    for (const [name, path, ready] of pages) {
      await page.goto(site.server.url + path)
      await settled(page, ready)
      await checkPage(page, name, findings)
      if (name === 'workspace') {
        // Opened directly, "/" goes on to one's only workspace: the list is reached from the switcher.
        await page.click('[data-testid="workspace-switcher"]')
        await page.click('.switcher-item.all')
        await settled(page, '[data-testid="workspace-row"]')
        await checkPage(page, 'workspaces', findings)
      }
    }
    await context.close()
    expect(findings).toEqual({})
  }, 180_000)

  it('a whole meeting with the keyboard alone, while a viewer on a phone follows the presenter', async () => {
    const { owner, workspaceId, documents: d } = site
    const scheduled = await owner.post(`/api/workspaces/${workspaceId}/meetings`, {
      cadence: 'board', title: 'Keyboard-only board meeting', startsAt: new Date(Date.now() + 3600_000).toISOString(), agenda: [d.brief, d.roadmap],
    })
    expect(scheduled.status).toBe(201)
    const meetingId = scheduled.body.id as string
    const [ownerContext, viewerContext]: BrowserContext[] = await Promise.all([
      contextFor(browser, site.server.url, owner),
      contextFor(browser, site.server.url, site.viewer, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }),
    ])
    const page = await ownerContext.newPage()
    page.on('pageerror', (err) => console.error('[page error]', err.message))

    // The skip link comes first and moves focus past the header.
    await page.goto(`${site.server.url}/w/${workspaceId}`)
    await settled(page, '[data-testid="meetings-link"]')
    await tabTo(page, '.skip-link', { max: 1 })
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content')

    // Open the meeting from the meetings page.
    await tabTo(page, '[data-testid="meetings-link"]')
    await page.keyboard.press('Enter')
    await settled(page, `[data-testid="meeting-row"][data-meeting-id="${meetingId}"]`)
    await tabTo(page, `[data-testid="meeting-row"][data-meeting-id="${meetingId}"] a`)
    await page.keyboard.press('Enter')
    await page.waitForURL(`**/m/${meetingId}`)
    await settled(page, `[data-testid="agenda-item"][data-document-id="${d.brief}"][aria-current="true"]`)

    // Start it.
    await tabTo(page, '[data-testid="meeting-start"]')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.textContent('[data-testid="meeting-status"]')).toContain('In progress')

    // The brief is first on the agenda: edit the first pillar's narrative.
    const stage = (documentId: string) => `[data-testid="stage-document"][data-document-id="${documentId}"]`
    await settled(page, `${stage(d.brief)} [data-testid="pillar-narrative"] .ProseMirror[contenteditable="true"]`)
    await tabTo(page, `${stage(d.brief)} [data-testid="pillar-narrative"] .ProseMirror`)
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' Typed from the keyboard.')

    // Move to the roadmap (back up to the agenda) and edit the first initiative's title.
    await tabTo(page, `[data-testid="agenda-item"][data-document-id="${d.roadmap}"]`, { back: true })
    await page.keyboard.press('Enter')
    await settled(page, `${stage(d.roadmap)} [data-testid="initiative-title"]`)
    await tabTo(page, `${stage(d.roadmap)} [data-testid="initiative-title"]`)
    const title = page.locator(`${stage(d.roadmap)} [data-testid="initiative-title"]`).first()
    const before = await title.inputValue()
    await page.keyboard.press('End')
    await page.keyboard.type(' (keyboard)')
    await page.keyboard.press('Enter')
    // The room's stage scrolls in its own box: axe again with the meeting live.
    expect(blocking(await axeFindings(page))).toEqual([])

    // Present; a viewer on a phone follows.
    await tabTo(page, '[data-testid="present-toggle"]', { back: true })
    await page.keyboard.press('Enter')
    expect(await page.getAttribute('[data-testid="present-toggle"]', 'aria-pressed')).toBe('true')
    const viewer = await viewerContext.newPage()
    await viewer.goto(`${site.server.url}/m/${meetingId}`)
    await viewer.waitForSelector('[data-testid="presenting-banner"][data-mode="following"]')
    await settled(viewer, `${stage(d.roadmap)} [data-testid="initiative-title"]`)
    await screenshot(viewer, 'meeting-follower-390')
    expect(await overflow(viewer)).toBeNull()

    // End it, and compare the roadmap's version from this meeting with the one before.
    await tabTo(page, '[data-testid="meeting-end"]')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid="end-dialog"][open]')
    await tabTo(page, '[data-testid="meeting-end-confirm"]')
    await page.keyboard.press('Enter')
    const versionLink = `[data-testid="ended-version-link"][data-document-id="${d.roadmap}"]`
    await settled(page, versionLink)
    await tabTo(page, versionLink)
    await page.keyboard.press('Enter')
    await settled(page, '[data-testid="version-viewer"] .document-body')
    await tabTo(page, '[data-testid="compare-with-previous"]')
    await page.keyboard.press('Enter')
    await settled(page, '[data-testid="compare-changed-row"]')
    expect(await page.textContent('[data-testid="compare-view"]')).toContain(`${before} (keyboard)`)
    const brief = (await owner.get(`/api/documents/${d.brief}/compare?from=1&to=live`)).body.comparison
    expect(JSON.stringify(brief)).toContain('Typed from the keyboard.')
    await Promise.all([ownerContext.close(), viewerContext.close()])
  }, 180_000)
})
