// Two people in separate browser contexts co-edit one document through the real server;
// a viewer sees the text live and cannot type.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, uniqueEmail, workspaceWithDocument } from '../helpers/api'
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

describe('co-editing in Chromium', () => {
  it('signs up and logs in through the UI', async () => {
    const context = await browser.newContext()
    const page = await openPage(context, `${server.url}/signup`)
    const email = uniqueEmail('ui')
    await page.fill('input[name="name"]', 'Uma Interface')
    await page.fill('input[name="email"]', email)
    await page.fill('input[name="password"]', 'a long password')
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => !url.pathname.startsWith('/signup'))
    await expect.poll(() => page.textContent('body')).toContain('Uma Interface')

    await page.goto(`${server.url}/login`)
    await page.fill('input[name="email"]', email)
    await page.fill('input[name="password"]', 'wrong password')
    await page.click('button[type="submit"]')
    await expect.poll(() => page.textContent('[data-testid="form-error"]')).toMatch(/wrong email or password/i)
    await context.close()
  })

  it('two editors see each other\'s text and named carets; a viewer sees the text and cannot type', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url)
    const editor = await addMember('Eddie Editor', 'editor')
    const viewer = await addMember('Vera Viewer', 'viewer')
    const [ownerCtx, editorCtx, viewerCtx] = await Promise.all([owner, editor, viewer].map((api) => contextFor(browser, server.url, api as ApiClient)))
    const url = `${server.url}/d/${documentId}`
    const [ownerPage, editorPage, viewerPage] = await Promise.all([openPage(ownerCtx, url), openPage(editorCtx, url), openPage(viewerCtx, url)])
    for (const page of [ownerPage, editorPage, viewerPage]) {
      await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]')
    }

    await ownerPage.click('.ProseMirror')
    await ownerPage.keyboard.type('Quarterly priorities from Olivia.')
    await expect.poll(() => editorPage.textContent('.ProseMirror'), { timeout: 10_000 }).toContain('Quarterly priorities from Olivia.')

    await editorPage.click('.ProseMirror')
    await editorPage.keyboard.press('End')
    await editorPage.keyboard.type(' Eddie agrees.')
    await expect.poll(() => ownerPage.textContent('.ProseMirror'), { timeout: 10_000 }).toContain('Eddie agrees.')
    // Each sees the other's name on a caret (caret labels are inline DOM).
    await expect.poll(() => ownerPage.textContent('.collaboration-carets__label, .collaboration-caret__label')).toContain('Eddie Editor')
    await expect.poll(() => editorPage.textContent('.collaboration-carets__label, .collaboration-caret__label')).toContain('Olivia Owner')
    // Presence lists everyone, including the viewer.
    await expect.poll(() => ownerPage.textContent('[data-testid="presence-list"]')).toContain('Vera Viewer')

    // The viewer sees the live text, is told it is read-only, and typing changes nothing.
    await expect.poll(() => viewerPage.textContent('.ProseMirror')).toContain('Eddie agrees.')
    expect(await viewerPage.isVisible('[data-testid="read-only-badge"]')).toBe(true)
    expect(await viewerPage.getAttribute('.ProseMirror', 'contenteditable')).toBe('false')
    await viewerPage.click('.ProseMirror')
    await viewerPage.keyboard.type('VIEWER WAS HERE')
    await new Promise((r) => setTimeout(r, 500))
    expect(await ownerPage.textContent('.ProseMirror')).not.toContain('VIEWER WAS HERE')
    expect(await viewerPage.textContent('.ProseMirror')).not.toContain('VIEWER WAS HERE')
    // Not disconnected over and over.
    expect(await viewerPage.getAttribute('[data-testid="connection-status"]', 'data-state')).toBe('connected')

    await Promise.all([ownerCtx.close(), editorCtx.close(), viewerCtx.close()])
  })
})
