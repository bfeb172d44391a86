// A restore that removes content nested beyond the limits (stored before them) is not sent to an
// open page as a change — Yjs would apply its deletion one call per level, past the browser's
// stack — but closes the page's socket with 4410, and the page opens the document afresh (a new
// Y.Doc, its copy in this browser discarded). Here 100 nested blockquotes, which Chromium can still
// show, stand in for the 20,000 of tests/integration/vandalised-document.test.ts.
import { createClient } from '@libsql/client'
import type { Browser } from 'playwright-core'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { contextFor, launchBrowser, openPage } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

const DEPTH = 100

let server: TestServer
let browser: Browser
beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer({ serveClient: true, tuning: { unloadAfterMs: 200 } }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

describe('a restore over content nested beyond the limits', () => {
  it('an open page is told to reopen the document and shows the restored content', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url, 'notes')
    const editor = await addMember('Eddie Editor', 'editor')
    const writer = connectDoc(server.url, documentId, owner.cookie)
    await writer.synced()
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Clean text')])
    writer.doc.getXmlFragment('body').insert(0, [paragraph])
    const marker = connectDoc(server.url, documentId, owner.cookie)
    await waitFor(() => marker.doc.getXmlFragment('body').toString().includes('Clean text'))
    writer.destroy(); marker.destroy()
    expect((await owner.post(`/api/documents/${documentId}/versions`, { label: 'clean' })).status).toBe(201)
    await waitFor(async () => (await (await fetch(`${server.url}/api/health`)).json()).loadedDocuments === 0)

    // Written into the log as a server without the depth limit stored it.
    const vandal = new Y.Doc()
    vandal.transact(() => {
      let parent: Y.XmlFragment = vandal.getXmlFragment('body')
      for (let i = 0; i < DEPTH; i++) {
        const child = new Y.XmlElement('blockquote')
        parent.insert(0, [child])
        parent = child
      }
      const deep = new Y.XmlElement('paragraph')
      deep.insert(0, [new Y.XmlText('Deep text')])
      parent.insert(0, [deep])
    })
    const db = createClient({ url: `file:${server.dbPath}` })
    const counter = await db.execute({
      sql: `SELECT max(coalesce((SELECT last_seq FROM document_seq WHERE document_id = ?1), 0),
              coalesce((SELECT through_seq FROM document_states WHERE document_id = ?1), 0)) AS last`,
      args: [documentId],
    })
    const seq = Number(counter.rows[0].last) + 1
    await db.batch([
      { sql: 'INSERT INTO document_updates (document_id, seq, "update", created_at) VALUES (?, ?, ?, ?)', args: [documentId, seq, Y.encodeStateAsUpdate(vandal), Date.now()] },
      { sql: 'INSERT INTO document_seq (document_id, last_seq) VALUES (?1, ?2) ON CONFLICT (document_id) DO UPDATE SET last_seq = ?2', args: [documentId, seq] },
    ], 'write')
    db.close()

    const context = await contextFor(browser, server.url, editor)
    const page = await openPage(context, `${server.url}/d/${documentId}`)
    await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]')
    await expect.poll(() => page.textContent('.ProseMirror')).toContain('Deep text')

    const restored = await owner.post(`/api/documents/${documentId}/restore`, { version: 1 })
    expect(restored.status).toBe(200)
    // The reopened editor is empty until its new copy syncs: wait for the restored content itself.
    await expect.poll(async () => {
      const text = (await page.textContent('.ProseMirror')) ?? ''
      return text.includes('Clean text') && !text.includes('Deep text')
    }, { timeout: 15_000 }).toBe(true)
    await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]')
    // Typing goes on in the reopened document, and reaches the server.
    await page.click('.ProseMirror')
    await page.keyboard.type(' and after')
    const reader = connectDoc(server.url, documentId, owner.cookie)
    await waitFor(() => reader.doc.getXmlFragment('body').toString().includes('and after'), { message: 'an edit after the reopen' })
    expect(reader.doc.getXmlFragment('body').toString()).not.toContain('Deep text')
    reader.destroy()
    await context.close()
  }, 90_000)
})
