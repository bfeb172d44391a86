// The app satisfies its own Content-Security-Policy: no violation and no CSP console error on the main
// pages, including the Tiptap editor, history/compare and a meeting room (issue #17, item 2).
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { contextFor, launchBrowser } from '../helpers/browser'
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

/** Collects CSP violations in the page (from its first script on) and console errors. */
async function watch(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] }
    w.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`))
  })
  const errors: string[] = []
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
  page.on('pageerror', (e) => errors.push(e.message))
  return {
    errors,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  }
}

describe('Content-Security-Policy in Chromium', () => {
  it('login, workspace, roadmap, notes (Tiptap), history, compare and a meeting room report no violation', async () => {
    const { owner, workspaceId, documentId: notesId } = await workspaceWithDocument(server.url, 'notes')
    const roadmapId = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'roadmap', title: 'Roadmap' })).body.id as string
    await owner.post(`/api/documents/${notesId}/versions`, { label: 'First' })
    const meeting = await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'leadership', title: 'Weekly', startsAt: '2026-09-15T09:00:00Z', agenda: [roadmapId] })

    const anonymous = await browser.newContext()
    const login = await anonymous.newPage()
    const loginWatch = await watch(login)
    await login.goto(`${server.url}/login`)
    await login.waitForSelector('input[type="password"]')
    expect(await loginWatch.violations()).toEqual([])
    await anonymous.close()

    const context = await contextFor(browser, server.url, owner)
    const page = await context.newPage()
    const watched = await watch(page)
    const visit = async (path: string, ready: string) => {
      await page.goto(server.url + path)
      await page.waitForSelector(ready, { timeout: 20_000 })
      await page.waitForTimeout(300)
      expect(await watched.violations(), path).toEqual([])
    }
    await visit(`/w/${workspaceId}`, 'body')
    await visit(`/d/${roadmapId}`, '[data-testid="connection-status"][data-state="connected"]')
    await visit(`/d/${notesId}`, '.ProseMirror')
    await page.click('.ProseMirror')
    await page.keyboard.type('typed under the policy')
    await page.waitForTimeout(300)
    expect(await watched.violations()).toEqual([])
    await visit(`/d/${notesId}/history`, 'body')
    await visit(`/d/${notesId}/compare`, 'body')
    await visit(`/m/${meeting.body.id}`, 'body')
    // Console errors that come from the policy (React's own warnings are not this test's subject).
    expect(watched.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([])
    await context.close()
  }, 90_000)
})
