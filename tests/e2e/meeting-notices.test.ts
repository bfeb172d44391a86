// What a meeting notices, in Chromium through the real server: landing in one's only workspace,
// "New document" opening what it created, "End meeting" only once started, a restore announced to
// everyone connected, an ended meeting's room showing what it saved, the word-level compare and the
// FY label on totals. Screenshots of the changed screens go to SCREENSHOT_DIR when it is set.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { dateLabel } from '../../shared/format/dates'
import { addInitiative, readRoadmap, setInitiativeField } from '../../shared/documents/roadmap'
import { appendBlocks, getBodyFragment } from '../../shared/documents/rich-text'
import { workspaceWithDocument, type ApiClient } from '../helpers/api'
import { contextFor, launchBrowser, openPage } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'
import { screenshotsAtWidths } from '../helpers/screenshots'

let server: TestServer
let browser: Browser
beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer({ serveClient: true }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

const screenshots = (page: Page, name: string) => screenshotsAtWidths(page, name, [1440, 820])

/** Text a person sees in an element: its text plus the values of its form fields (tables edit in inputs). */
function seenText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel)
    if (!root) return ''
    const values = [...root.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value)
    return `${root.textContent ?? ''} ${values.join(' ')}`
  }, selector)
}

/** True once the server's copy of the document contains the text (read through a fresh connection). */
async function serverHas(api: ApiClient, documentId: string, text: string): Promise<boolean> {
  const probe = connectDoc(api.baseUrl, documentId, api.cookie)
  try {
    await probe.synced()
    return JSON.stringify(readRoadmap(probe.doc as Y.Doc)).includes(text)
  } finally {
    probe.destroy()
  }
}

async function scheduleMeeting(owner: ApiClient, workspaceId: string, agenda: string[]) {
  const res = await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Q4 2026 board meeting', startsAt: new Date().toISOString(), agenda, attendeeIds: [] })
  expect(res.status).toBe(201)
  return res.body as { id: string; notesDocumentId: string }
}

describe('what a meeting notices', () => {
  it('signs a person with one workspace into it, and "New document" opens the new document', async () => {
    const { owner, workspaceId } = await workspaceWithDocument(server.url, 'notes')
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await openPage(context, `${server.url}/login`)
    await page.fill('input[name="email"]', owner.email)
    await page.fill('input[name="password"]', 'correct horse battery')
    await page.click('button[type="submit"]')
    await page.waitForURL(`${server.url}/w/${workspaceId}`)
    await page.waitForSelector('[data-testid="document-row"]')
    await screenshots(page, 'document-list')

    await page.fill('input[name="title"]', 'Q1 planning notes')
    await page.click('form[aria-label="New document"] button[type="submit"]')
    await page.waitForURL(/\/d\/[a-z0-9]+$/)
    const created = (await owner.get(`/api/workspaces/${workspaceId}/documents`)).body.documents.find((d: any) => d.title === 'Q1 planning notes')
    expect(page.url()).toBe(`${server.url}/d/${created.id}`)

    // "/" typed afresh lands in the workspace too; the header's link still shows the list.
    await page.goto(`${server.url}/`)
    await page.waitForURL(`${server.url}/w/${workspaceId}`)
    await context.close()
  }, 60_000)

  it('shows "End meeting" only once the meeting has started', async () => {
    const { owner, workspaceId, documentId } = await workspaceWithDocument(server.url, 'roadmap')
    const meeting = await scheduleMeeting(owner, workspaceId, [documentId])
    const context = await contextFor(browser, server.url, owner)
    const room = await openPage(context, `${server.url}/m/${meeting.id}`)
    await room.waitForSelector('[data-testid="meeting-start"]')
    expect(await room.locator('[data-testid="meeting-end"]').count()).toBe(0)
    await room.click('[data-testid="meeting-start"]')
    await room.waitForSelector('[data-testid="meeting-end"]')
    await context.close()
  }, 60_000)

  it('tells a person with the document open who restored which version, with a link to the compare', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url, 'notes')
    const editor = await addMember('Eddie Editor', 'editor')
    expect((await owner.post(`/api/documents/${documentId}/versions`, { label: 'before' })).status).toBe(201)
    const context = await contextFor(browser, server.url, editor)
    const page = await openPage(context, `${server.url}/d/${documentId}`)
    await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]')
    await page.click('.ProseMirror')
    await page.keyboard.type('Typed after v1.')
    await expect.poll(() => page.textContent('[data-testid="connection-status"]')).not.toMatch(/offline|unsent/i)

    expect((await owner.post(`/api/documents/${documentId}/restore`, { version: 1 })).status).toBe(200)
    const notice = page.locator('[data-testid="restored-notice"]')
    await notice.waitFor()
    expect(await notice.textContent()).toContain('Olivia Owner restored v1')
    await expect.poll(() => page.textContent('.ProseMirror')).not.toContain('Typed after v1.')
    await screenshots(page, 'restore-notice')
    await page.click('[data-testid="restored-compare-link"]')
    await page.waitForURL(`${server.url}/d/${documentId}/compare?from=1&to=2`)
    await context.close()
  }, 60_000)

  it('shows an ended meeting\'s room with the versions it saved, read-only and labelled, and a link to the live document', async () => {
    const { owner, workspaceId, documentId } = await workspaceWithDocument(server.url, 'roadmap')
    const meeting = await scheduleMeeting(owner, workspaceId, [documentId])
    const sync = connectDoc(server.url, documentId, owner.cookie)
    try {
      await sync.synced()
      const ws = readRoadmap(sync.doc).windowStart!
      const first = addInitiative(sync.doc, { title: 'Decided in the meeting', startMonth: ws, endMonth: ws })
      if (!first.ok) throw new Error(first.error)
      await waitFor(() => serverHas(owner, documentId, 'Decided in the meeting'))
      expect((await owner.post(`/api/meetings/${meeting.id}/start`)).status).toBe(200)
      expect((await owner.post(`/api/meetings/${meeting.id}/end`)).status).toBe(200)
      // The live document moves on after the meeting.
      setInitiativeField(sync.doc, first.id, 'title', 'Renamed after the meeting')
      await waitFor(() => serverHas(owner, documentId, 'Renamed after the meeting'))
    } finally {
      sync.destroy()
    }

    const context = await contextFor(browser, server.url, owner)
    const room = await openPage(context, `${server.url}/m/${meeting.id}`)
    const stage = room.locator(`[data-testid="saved-agenda-document"][data-document-id="${documentId}"][data-version="1"]`)
    await stage.waitFor()
    const today = dateLabel(Date.now())
    expect(await stage.textContent()).toContain(`Saved when the meeting ended — ${today}`)
    await expect.poll(() => seenText(room, '[data-testid="saved-agenda-document"]')).toContain('Decided in the meeting')
    expect(await seenText(room, '[data-testid="saved-agenda-document"]')).not.toContain('Renamed after the meeting')
    expect(await room.locator('[data-testid="stage-document"] input:not([disabled]):not([readonly])').count()).toBe(0)
    await screenshots(room, 'ended-meeting-room')
    await room.click('[data-testid="live-document-link"]')
    await room.waitForURL(`${server.url}/d/${documentId}`)
    await context.close()
  }, 60_000)

  it('labels the roadmap\'s totals with the workspace\'s fiscal quarters once the owner sets the year to start in April', async () => {
    const { owner, workspaceId, documentId } = await workspaceWithDocument(server.url, 'roadmap')
    const sync = connectDoc(server.url, documentId, owner.cookie)
    try {
      await sync.synced()
      sync.doc.getMap('meta').set('windowStart', '2026-12')
      addInitiative(sync.doc, { title: 'Data platform', startMonth: '2026-12', endMonth: '2027-05', oneOffCost: 60_000, capacity: 12 })
      await waitFor(() => serverHas(owner, documentId, 'Data platform'))
    } finally {
      sync.destroy()
    }
    const context = await contextFor(browser, server.url, owner)
    const page = await openPage(context, `${server.url}/w/${workspaceId}`)
    await page.selectOption('[data-testid="fy-start-select"]', '4')
    await expect.poll(() => page.textContent('[data-testid="fy-note"]')).toContain('FY quarters start in April')
    await screenshots(page, 'workspace-fy-setting')
    await page.goto(`${server.url}/d/${documentId}`)
    await page.waitForSelector('[data-testid="fy-quarters-note"]')
    expect(await page.textContent('[data-testid="fy-quarters-note"]')).toBe('FY quarters start in April')
    const quarters = await page.locator('[data-testid="totals-by-quarter"] tbody th').allTextContents()
    expect(quarters.map((q) => q.split(' ').slice(0, 2).join(' '))).toEqual(['Q3 FY2027', 'Q4 FY2027', 'Q1 FY2028', 'Q2 FY2028', 'Q3 FY2028'])
    await page.locator('[data-testid="totals-by-quarter"]').scrollIntoViewIfNeeded()
    await screenshots(page, 'roadmap-fy-totals')
    await context.close()
  }, 60_000)

  it('compares the summary\'s text word by word and block by block', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url, 'notes')
    const sync = connectDoc(server.url, documentId, owner.cookie)
    const setBody = async (lines: string[]) => {
      const body = getBodyFragment(sync.doc)
      body.delete(0, body.length)
      appendBlocks(body, [{ type: 'heading', level: 2, text: lines[0] }, ...lines.slice(1).map((text) => ({ type: 'paragraph' as const, text }))])
      await waitFor(async () => {
        const probe = connectDoc(server.url, documentId, owner.cookie)
        try { await probe.synced(); return getBodyFragment(probe.doc).toString().includes(lines[1]) } finally { probe.destroy() }
      })
    }
    try {
      await sync.synced()
      await setBody(['Headlines', 'Churn moved 3.9 → 4.1% this quarter.', 'Hiring on plan.'])
      expect((await owner.post(`/api/documents/${documentId}/versions`, { label: 'before' })).status).toBe(201)
      await setBody(['Headlines', 'Churn moved 4.1 → 4.6% this quarter.', 'Hiring paused.'])
      expect((await owner.post(`/api/documents/${documentId}/versions`, { label: 'after' })).status).toBe(201)
    } finally {
      sync.destroy()
    }
    const context = await contextFor(browser, server.url, owner)
    const page = await openPage(context, `${server.url}/d/${documentId}/compare?from=1&to=2`)
    const diff = page.locator('[data-testid="text-diff"]').first()
    await diff.waitFor()
    expect(await diff.locator('del').allTextContents()).toEqual(['3.9', '4.1%', 'on plan.'])
    expect(await diff.locator('ins').allTextContents()).toEqual(['4.1', '4.6%', 'paused.'])
    expect(await diff.textContent()).toContain('Headlines\nChurn moved')
    await screenshots(page, 'word-compare')
    await context.close()
  }, 60_000)
})
