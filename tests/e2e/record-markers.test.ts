// The comment marker (an open-thread count and a button to start a thread) on every kind of record:
// a viewer's comment on a vendor shows on the vendor's row on an editor's open page without a
// reload; a thread on a decision, a risk, a brief pillar and a summary block is counted on it live.
// Screenshots go to SCREENSHOT_DIR when it is set.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addDecision } from '../../shared/documents/decisions'
import { addRisk } from '../../shared/documents/risks'
import { addVendor } from '../../shared/documents/vendors'
import { workspaceWithDocument, type ApiClient } from '../helpers/api'
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

async function screenshots(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR
  if (!dir) return
  for (const width of [1440, 768]) {
    await page.setViewportSize({ width, height: 1000 })
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** Adds a record to a document through a sync connection, as an editor's page would, and returns its id. */
async function addRecord(owner: ApiClient, documentId: string, add: (doc: Y.Doc) => { ok: true; id: string } | { ok: false }): Promise<string> {
  const writer = connectDoc(server.url, documentId, owner.cookie)
  try {
    await writer.synced()
    const added = add(writer.doc)
    if (!added.ok) throw new Error('record not added')
    return added.id
  } finally {
    writer.destroy()
  }
}

it('a viewer comments on a vendor from its row; the editor\'s open page shows the marker live', async () => {
  const { owner, documentId, addMember } = await workspaceWithDocument(server.url, 'vendors')
  const editor = await addMember('Eddie Editor', 'editor')
  const viewer = await addMember('Vera Viewer', 'viewer')
  const vendorId = await addRecord(owner, documentId, (doc) => addVendor(doc, { name: 'Acme Cloud' }))
  const editorPage = await openPage(await contextFor(browser, server.url, editor), `${server.url}/d/${documentId}`)
  const viewerPage = await openPage(await contextFor(browser, server.url, viewer), `${server.url}/d/${documentId}`)
  for (const page of [editorPage, viewerPage]) await page.getByText('No open threads.').waitFor({ timeout: 10_000 })

  await viewerPage.getByRole('button', { name: 'Comment on Acme Cloud' }).click()
  await viewerPage.keyboard.type('Is the renewal notice in the plan?')
  await viewerPage.keyboard.press('Control+Enter')

  const marker = editorPage.locator(`[data-vendor-id="${vendorId}"]`).getByRole('button', { name: 'Comment on Acme Cloud (1 open thread)' })
  await marker.waitFor({ timeout: 5_000 })
  expect(await marker.innerText()).toBe('1')
  const listed = await owner.get(`/api/documents/${documentId}/comments`)
  expect(listed.body.comments.map((c: { anchor: unknown }) => c.anchor)).toEqual([{ type: 'record', recordId: vendorId }])
  await screenshots(editorPage, 'marker-vendor')
})

it('decisions, risks, brief pillars and summary blocks count their open threads live', async () => {
  const { owner, workspaceId, addMember } = await workspaceWithDocument(server.url, 'notes')
  const viewer = await addMember('Vera Viewer', 'viewer')
  const create = async (kind: string, title: string) => (await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind, title })).body.id as string

  const decisionsId = await create('decisions', 'Decision queue')
  const decisionId = await addRecord(owner, decisionsId, (doc) => addDecision(doc, { question: 'Renew the CRM?' }))
  const risksId = await create('risks', 'Risk log')
  const riskId = await addRecord(owner, risksId, (doc) => addRisk(doc, { title: 'Single data centre' }))
  const briefId = await create('brief', 'Pillar brief')
  const summaryId = await create('summary', 'Board summary')

  const cases = [
    { documentId: decisionsId, recordId: decisionId, label: 'Renew the CRM?', shot: 'marker-decision' },
    { documentId: risksId, recordId: riskId, label: 'Single data centre', shot: 'marker-risk' },
    { documentId: briefId, recordId: 'security', label: 'Security', shot: 'marker-brief' },
    { documentId: summaryId, recordId: 'summary-block:risks', label: 'Open high risks', shot: 'marker-summary' },
  ]
  const context = await contextFor(browser, server.url, owner)
  for (const { documentId, recordId, label, shot } of cases) {
    const page = await openPage(context, `${server.url}/d/${documentId}`)
    await page.getByRole('button', { name: `Comment on ${label}`, exact: true }).waitFor({ timeout: 10_000 })
    const posted = await viewer.post(`/api/documents/${documentId}/comments`, { body: `About ${label}`, anchor: { type: 'record', recordId } })
    expect(posted.status).toBe(201)
    await page.getByRole('button', { name: `Comment on ${label} (1 open thread)` }).waitFor({ timeout: 5_000 })
    await screenshots(page, shot)
    await page.close()
  }
})
