// A document that cannot be synced is never shown as an empty body (a table of zero totals, a blank
// editor would look like lost content): opened archived, on the document page and the meeting stage,
// it says why instead; opened without access, it says so. A page that had already received the
// document keeps showing it, read-only. With SCREENSHOT_DIR set, screenshots at 1440 and 768 px.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addInitiative, readRoadmap } from '../../shared/documents/roadmap'
import { signUp, workspaceWithDocument } from '../helpers/api'
import { axeFindings, blocking } from '../helpers/axe'
import { contextFor, launchBrowser, openPage } from '../helpers/browser'
import { screenshotsAtWidths } from '../helpers/screenshots'
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

/** A roadmap with one initiative, as its owner left it. */
async function roadmapWithInitiative() {
  const created = await workspaceWithDocument(server.url, 'roadmap')
  const writer = connectDoc(server.url, created.documentId, created.owner.cookie)
  try {
    await writer.synced()
    if (!addInitiative(writer.doc, { title: 'Data platform' }).ok) throw new Error('initiative not added')
    // A second connection that sees the initiative proves the server has committed it.
    const reader = connectDoc(server.url, created.documentId, created.owner.cookie)
    try {
      await reader.synced()
      if (!readRoadmap(reader.doc).initiatives.some((i) => i.title === 'Data platform')) throw new Error('initiative not stored')
    } finally {
      reader.destroy()
    }
  } finally {
    writer.destroy()
  }
  return created
}

/** Nothing inside the body that would read as the document's (empty) contents. */
async function expectNoBody(page: Page, scope: string) {
  expect(await page.locator(`${scope} table`).count()).toBe(0)
  expect(await page.locator(`${scope} .ProseMirror`).count()).toBe(0)
  expect(await page.locator(`${scope} .figure-value`).count()).toBe(0)
}

describe('a document that cannot be synced, in Chromium', () => {
  it('opened archived, says so instead of showing an empty roadmap, to an owner and a viewer', async () => {
    const { owner, documentId, addMember } = await roadmapWithInitiative()
    const viewer = await addMember('Vera Viewer', 'viewer')
    expect((await owner.patch(`/api/documents/${documentId}`, { archived: true })).status).toBe(200)

    for (const api of [owner, viewer]) {
      const context = await contextFor(browser, server.url, api)
      const page = await openPage(context, `${server.url}/d/${documentId}`)
      await page.waitForSelector('[data-testid="connection-status"][data-state="no-access"]', { timeout: 15_000 })
      expect(await page.textContent('[data-testid="connection-status"]')).toContain('Archived')
      expect(await page.textContent('[data-testid="document-unavailable"]')).toBe('The contents are not shown while the document is archived.')
      await expectNoBody(page, '.document-body')
      expect(await page.textContent('[role="alert"]')).toContain('This document has been archived, so live editing has stopped.')
      expect(blocking(await axeFindings(page))).toEqual([])
      if (api === owner) await screenshotsAtWidths(page, 'archived-document', [1440, 768], 900, false)
      await context.close()
    }
  }, 60_000)

  it('opened archived on a meeting stage, says so instead of showing an empty roadmap', async () => {
    const { owner, workspaceId, documentId } = await roadmapWithInitiative()
    const scheduled = await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Board', startsAt: new Date().toISOString(), agenda: [documentId], attendeeIds: [] })
    expect(scheduled.status).toBe(201)
    expect((await owner.patch(`/api/documents/${documentId}`, { archived: true })).status).toBe(200)

    const context = await contextFor(browser, server.url, owner)
    const page = await openPage(context, `${server.url}/m/${scheduled.body.id}`)
    const stage = `[data-testid="stage-document"][data-document-id="${documentId}"]`
    await page.waitForSelector(`${stage}[data-state="no-access"]`, { timeout: 15_000 })
    expect(await page.textContent(`${stage} [role="alert"]`)).toContain('This document has been archived')
    expect(await page.textContent(`${stage} [data-testid="document-unavailable"]`)).toBe('The contents are not shown while the document is archived.')
    await expectNoBody(page, stage)
    await screenshotsAtWidths(page, 'archived-document-stage', [1440, 768], 900, false)
    await context.close()
  }, 60_000)

  it('opened by someone outside the workspace, says it is not available and shows no body', async () => {
    const { documentId } = await roadmapWithInitiative()
    const outsider = await signUp(server.url, 'Oscar Outsider')
    const context = await contextFor(browser, server.url, outsider)
    const page = await openPage(context, `${server.url}/d/${documentId}`)
    await page.getByRole('heading', { name: 'Document not available' }).waitFor({ timeout: 15_000 })
    expect(await page.locator('.document-body').count()).toBe(0)
    expect(await page.getByText('Data platform').count()).toBe(0)
    await screenshotsAtWidths(page, 'no-access-document', [1440, 768], 900, false)
    await context.close()
  }, 60_000)

  it('archived while open, keeps showing what the page had received, read-only', async () => {
    const { owner, documentId } = await roadmapWithInitiative()
    const context = await contextFor(browser, server.url, owner)
    const page = await openPage(context, `${server.url}/d/${documentId}`)
    await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]', { timeout: 15_000 })
    await page.locator('.document-body [data-initiative-id]').first().waitFor()

    expect((await owner.patch(`/api/documents/${documentId}`, { archived: true })).status).toBe(200)
    await page.waitForSelector('[data-testid="connection-status"][data-state="no-access"]', { timeout: 15_000 })
    expect(await page.textContent('[role="alert"]')).toContain('This document has been archived')
    expect(await page.locator('[data-testid="document-unavailable"]').count()).toBe(0)
    expect(await page.locator('.document-body [data-initiative-id]').count()).toBeGreaterThan(0)
    expect(await page.isVisible('[data-testid="read-only-badge"]')).toBe(true)
    await context.close()
  }, 60_000)
})
