// Hostile strings in every text field are shown verbatim and never executed in the browser.
import type { Browser } from 'playwright-core'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { contextFor, launchBrowser, openPage } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'

let server: TestServer
let browser: Browser
beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer({ serveClient: true }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'

describe('hostile strings in the browser', () => {
  it('renders HTML in names, titles and rich text as inert text', async () => {
    const { owner, workspaceId, documentId, addMember } = await workspaceWithDocument(server.url)
    await owner.patch(`/api/documents/${documentId}`, { title: XSS })
    await addMember(XSS, 'editor')
    const client = connectDoc(server.url, documentId, owner.cookie)
    await client.synced()
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(XSS)])
    client.doc.getXmlFragment('body').insert(0, [paragraph])
    await new Promise((r) => setTimeout(r, 300))

    const context = await contextFor(browser, server.url, owner)
    const page = await openPage(context, `${server.url}/d/${documentId}`)
    await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]')
    await expect.poll(() => page.textContent('.ProseMirror')).toContain(XSS)
    expect(await page.textContent('[data-testid="document-title"]')).toContain(XSS)
    await page.goto(`${server.url}/w/${workspaceId}`)
    await expect.poll(() => page.textContent('body')).toContain(XSS)
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
    expect(await page.locator('img[src="x"]').count()).toBe(0)
    client.destroy()
    await context.close()
  })
})
