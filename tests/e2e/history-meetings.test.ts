// Meetings, presenting and version history in Chromium through the real server: ending a meeting
// from the room saves versions; the history compares two and highlights the changed initiative;
// restoring updates a page that is open elsewhere; a follower follows the presenter.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// Browser steps on a busy two-core machine take seconds each: generous per-test timeouts below.
import type * as Y from 'yjs'
import { readDecisions } from '../../shared/documents/decisions'
import { addInitiative, readRoadmap, setInitiativeField } from '../../shared/documents/roadmap'
import { appendBlocks, getBodyFragment, paragraphs } from '../../shared/documents/rich-text'
import { workspaceWithDocument, type ApiClient } from '../helpers/api'
import { contextFor, launchBrowser, openPage } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
let browser: Browser
beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer({ serveClient: true }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

/** Text a person sees in an element: its text plus the values of its form fields (tables edit in inputs). */
function seenText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel)
    if (!root) return ''
    const values = [...root.querySelectorAll('input, textarea, select')].map((el) => (el as HTMLInputElement).value)
    return `${root.textContent ?? ''}\n${values.join('\n')}`
  }, selector)
}

/** What a fresh client reads from the server: proves earlier updates arrived there. */
async function serverHas(api: ApiClient, documentId: string, check: (doc: Y.Doc) => boolean): Promise<boolean> {
  const probe = connectDoc(server.url, documentId, api.cookie)
  try {
    await probe.synced()
    return check(probe.doc)
  } finally {
    probe.destroy()
  }
}

async function scheduleMeeting(owner: ApiClient, workspaceId: string, agenda: string[], title = 'Q4 2026 board meeting') {
  const res = await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title, startsAt: new Date().toISOString(), agenda, attendeeIds: [] })
  expect(res.status).toBe(201)
  return res.body as { id: string; notesDocumentId: string }
}

describe('history and meetings in Chromium', () => {
  it('ends a meeting from the room, compares two versions with the changed initiative highlighted, and restores live', async () => {
    const { owner, workspaceId, documentId, addMember } = await workspaceWithDocument(server.url, 'roadmap')
    const editor = await addMember('Eddie Editor', 'editor')

    // Two initiatives; one of them changes between the versions.
    const sync = connectDoc(server.url, documentId, owner.cookie)
    await sync.synced()
    const changed = addInitiative(sync.doc, { title: 'Alpha launch', oneOffCost: 100000, capacity: 10 })
    const steady = addInitiative(sync.doc, { title: 'Steady platform', oneOffCost: 50000 })
    if (!changed.ok || !steady.ok) throw new Error('could not add initiatives')
    await waitFor(() => serverHas(owner, documentId, (doc) => readRoadmap(doc).initiatives.length === 2), { message: 'initiatives on the server' })
    const meeting = await scheduleMeeting(owner, workspaceId, [documentId])

    const [ownerCtx, editorCtx] = await Promise.all([contextFor(browser, server.url, owner), contextFor(browser, server.url, editor)])
    const room = await openPage(ownerCtx, `${server.url}/m/${meeting.id}`)
    await room.waitForSelector(`[data-testid="agenda-item"][data-document-id="${documentId}"][aria-current="true"]`)
    await room.click('[data-testid="meeting-start"]')
    await expect.poll(() => room.textContent('[data-testid="meeting-status"]')).toContain('In progress')
    await room.click('[data-testid="meeting-end"]')
    await room.click('[data-testid="meeting-end-confirm"]')
    const versionLink = room.locator(`[data-testid="ended-version-link"][data-document-id="${documentId}"]`)
    await versionLink.waitFor()
    expect(await room.textContent('[data-testid="meeting-status"]')).toContain('Ended')
    expect(await room.isVisible('[data-testid="meeting-end"]')).toBe(false)

    // Change one initiative, then save a second version from the document page.
    setInitiativeField(sync.doc, changed.id, 'title', 'Alpha relaunch')
    setInitiativeField(sync.doc, changed.id, 'oneOffCost', 180000)
    const docPage = await openPage(ownerCtx, `${server.url}/d/${documentId}`)
    await docPage.waitForSelector('[data-testid="connection-status"][data-state="connected"]')
    await expect.poll(() => seenText(docPage, '.document-body'), { timeout: 10_000 }).toContain('Alpha relaunch')
    await docPage.click('[data-testid="save-version"]')
    await docPage.fill('input[name="label"]', 'After the relaunch')
    await docPage.click('[data-testid="save-version-submit"]')
    await docPage.waitForSelector('[data-testid="version-saved"]')

    // From the meeting's saved version to the history; compare v1 → v2.
    await versionLink.click()
    await room.waitForURL(/\/history\?version=1$/)
    await room.waitForSelector('[data-testid="version-viewer"][data-version="1"]')
    expect(await room.locator('[data-testid="version-item"]').count()).toBe(2)
    expect(await room.textContent('[data-testid="version-timeline"]')).toContain('Q4 2026 board meeting')
    await room.selectOption('[data-testid="compare-from"]', '1')
    await room.selectOption('[data-testid="compare-to"]', '2')
    await room.click('[data-testid="compare-submit"]')
    const changedRow = room.locator('[data-testid="compare-changed-row"]')
    await changedRow.first().waitFor()
    expect(await changedRow.count()).toBe(1)
    expect(await changedRow.getAttribute('data-initiative-id')).toBe(changed.id)
    const rowText = await changedRow.textContent()
    expect(rowText).toContain('Alpha launch')
    expect(rowText).toContain('Alpha relaunch')
    expect(await room.locator(`[data-testid="compare-changed-row"][data-initiative-id="${steady.id}"]`).count()).toBe(0)

    // The editor has the live document open; the owner restores v1 from the history.
    const editorPage = await openPage(editorCtx, `${server.url}/d/${documentId}`)
    await editorPage.waitForSelector('[data-testid="connection-status"][data-state="connected"]')
    await expect.poll(() => seenText(editorPage, '.document-body'), { timeout: 10_000 }).toContain('Alpha relaunch')
    await room.click('[data-testid="version-item"][data-version="1"]')
    await room.click('[data-testid="restore-version"]')
    await room.click('[data-testid="restore-confirm"]')
    await room.waitForURL(new RegExp(`/d/${documentId}$`))
    await expect.poll(() => seenText(editorPage, '.document-body'), { timeout: 10_000 }).toContain('Alpha launch')
    expect(await seenText(editorPage, '.document-body')).not.toContain('Alpha relaunch')
    await waitFor(() => readRoadmap(sync.doc).initiatives.find((i) => i.id === changed.id)?.title === 'Alpha launch')

    // The restore is itself a version.
    const list = await owner.get(`/api/documents/${documentId}/versions`)
    expect(list.body.versions[0].label).toBe('Restored v1')
    sync.destroy()
    await Promise.all([ownerCtx.close(), editorCtx.close()])
  }, 120_000)

  it('a follower follows the presenter\'s agenda item and scroll position until they stop following', async () => {
    const { owner, workspaceId, addMember } = await workspaceWithDocument(server.url, 'notes')
    const viewer = await addMember('Vera Viewer', 'viewer')
    const create = (title: string) => owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'notes', title }).then((r) => r.body.id as string)
    const [first, second] = [await create('First item'), await create('Second item')]
    // The second item is long enough to scroll.
    const filler = connectDoc(server.url, second, owner.cookie)
    await filler.synced()
    appendBlocks(getBodyFragment(filler.doc), paragraphs(Array.from({ length: 120 }, (_, i) => `Paragraph ${i + 1} of the long agenda item.`).join('\n')))
    await waitFor(() => serverHas(owner, second, (doc) => getBodyFragment(doc).length >= 120), { message: 'long item on the server' })
    const meeting = await scheduleMeeting(owner, workspaceId, [first, second], 'Leadership sync')

    const [ownerCtx, viewerCtx] = await Promise.all([contextFor(browser, server.url, owner), contextFor(browser, server.url, viewer)])
    const url = `${server.url}/m/${meeting.id}`
    const [presenter, follower] = await Promise.all([openPage(ownerCtx, url), openPage(viewerCtx, url)])
    const current = (page: Page) => page.getAttribute('[data-testid="agenda-item"][aria-current="true"]', 'data-document-id')
    for (const page of [presenter, follower]) await page.waitForSelector('[data-testid="agenda-item"][aria-current="true"]')
    // Presence comes from the notes document, with roles; viewers cannot present or end.
    await expect.poll(() => presenter.textContent('[data-testid="room-presence"]')).toContain('Vera Viewer')
    expect(await presenter.textContent('[data-testid="room-presence"]')).toContain('Viewer')
    expect(await follower.locator('[data-testid="present-toggle"], [data-testid="meeting-end"]').count()).toBe(0)

    // Starting the meeting reaches the others at once (through awareness, not the 15 s re-read).
    await presenter.click('[data-testid="meeting-start"]')
    await expect.poll(() => follower.textContent('[data-testid="meeting-status"]'), { timeout: 5_000 }).toContain('In progress')

    await presenter.click('[data-testid="present-toggle"]')
    await expect.poll(() => follower.getAttribute('[data-testid="presenting-banner"]', 'data-mode').catch(() => null)).toBe('following')
    expect(await follower.textContent('[data-testid="presenting-banner"]')).toContain('Following Olivia')
    expect(await presenter.getAttribute('[data-testid="presenting-banner"]', 'data-mode')).toBe('presenting')

    // The presenter moves to the second item: the follower goes along.
    await presenter.click(`[data-testid="agenda-item"][data-document-id="${second}"]`)
    await expect.poll(() => current(follower), { timeout: 10_000 }).toBe(second)
    await follower.waitForSelector(`[data-testid="stage-document"][data-document-id="${second}"]`)
    await expect.poll(() => seenText(follower, '[data-testid="stage-document"]'), { timeout: 10_000 }).toContain('Paragraph 120')

    // … and to the bottom of it; a follower who scrolls away is brought back.
    const scrollTop = (page: Page) => page.$eval('[data-testid="stage-scroll"]', (el) => el.scrollTop)
    await expect.poll(() => presenter.$eval('[data-testid="stage-scroll"]', (el) => el.scrollHeight > el.clientHeight + 200)).toBe(true)
    await presenter.$eval('[data-testid="stage-scroll"]', (el) => el.scrollTo({ top: el.scrollHeight }))
    await expect.poll(() => scrollTop(follower), { timeout: 10_000 }).toBeGreaterThan(200)
    await follower.$eval('[data-testid="stage-scroll"]', (el) => el.scrollTo({ top: 0 }))
    await expect.poll(() => scrollTop(follower), { timeout: 10_000 }).toBeGreaterThan(200)

    // Stop following: the presenter's moves no longer apply. Follow again: back in step.
    await follower.click('[data-testid="follow-toggle"]')
    expect(await follower.getAttribute('[data-testid="presenting-banner"]', 'data-mode')).toBe('free')
    await presenter.click(`[data-testid="agenda-item"][data-document-id="${first}"]`)
    await expect.poll(() => current(presenter)).toBe(first)
    await new Promise((r) => setTimeout(r, 400))
    expect(await current(follower)).toBe(second)
    await follower.click('[data-testid="follow-toggle"]')
    await expect.poll(() => current(follower), { timeout: 10_000 }).toBe(first)

    // The presenter stops: no banner for anyone.
    await presenter.click('[data-testid="present-toggle"]')
    await expect.poll(() => follower.locator('[data-testid="presenting-banner"]').count()).toBe(0)
    filler.destroy()
    await Promise.all([ownerCtx.close(), viewerCtx.close()])
  }, 120_000)

  it('schedules a meeting with the proposed agenda, and sends selected note lines to the decision queue in one step', async () => {
    const { owner, workspaceId, documentId: roadmapId } = await workspaceWithDocument(server.url, 'roadmap')
    const create = (kind: string, title: string) => owner.post(`/api/workspaces/${workspaceId}/documents`, { kind, title }).then((r) => r.body.id as string)
    const decisionsId = await create('decisions', 'Decision queue')
    await create('brief', 'Technology brief')
    const ctx = await contextFor(browser, server.url, owner)

    // Schedule from the meetings page: board cadence, accept the proposal, reorder, remove one.
    const page = await openPage(ctx, `${server.url}/w/${workspaceId}`)
    await page.click('[data-testid="meetings-link"]')
    await page.click('[data-testid="schedule-meeting"]')
    await page.selectOption('select[name="cadence"]', 'board')
    expect(await page.inputValue('input[name="title"]')).toMatch(/^Q[1-4] \d{4} board meeting$/)
    await page.waitForSelector('[data-testid="proposal-item"]')
    const proposed = await page.locator('[data-testid="proposal-item"]').count()
    if (proposed > 1) await page.click('[data-testid="proposal-accept-all"]')
    else await page.click('[data-testid="proposal-item"] button')
    const agendaIds = () => page.$$eval('[data-testid="agenda-entry"]', (els) => els.map((el) => el.getAttribute('data-document-id')))
    // Any workspace document can be added by hand (the decision queue, unless it was proposed).
    if (!(await agendaIds()).includes(decisionsId)) {
      await page.selectOption('[data-testid="agenda-add-select"]', decisionsId)
      await page.click('[data-testid="agenda-add"]')
    }
    const extra = (await agendaIds()).find((id) => id !== roadmapId && id !== decisionsId)
    if (extra) {
      await page.click(`[data-testid="agenda-entry"][data-document-id="${extra}"] button[aria-label^="Remove"]`)
      expect(await agendaIds()).not.toContain(extra)
    }
    const before = await agendaIds()
    expect(before).toContain(roadmapId)
    expect(before).toContain(decisionsId)
    const last = before[before.length - 1]!
    await page.click(`[data-testid="agenda-entry"][data-document-id="${last}"] button[aria-label^="Move"][aria-label$="up"]`)
    const reordered = await agendaIds()
    expect(reordered.indexOf(last)).toBe(before.length - 2)
    await page.fill('input[name="title"]', 'Quarterly board')
    await page.click('[data-testid="schedule-submit"]')
    await page.waitForSelector('[data-testid="meeting-created"]')
    await page.click('[data-testid="meeting-created"] a')
    await page.waitForURL(/\/m\//)
    await page.waitForSelector('[data-testid="agenda-item"]')
    expect(await page.$$eval('[data-testid="agenda-item"]', (els) => els.map((el) => el.getAttribute('data-document-id')))).toEqual(reordered)

    // Write two action lines in the notes, select them, send them.
    const notes = '[data-testid="meeting-notes"] .ProseMirror'
    await page.waitForSelector(`${notes}[contenteditable="true"]`)
    await page.click(notes)
    await page.keyboard.press('Control+End')
    await page.keyboard.type('Approve the SOC 2 budget')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Pick a CDN vendor')
    await page.evaluate((sel) => {
      const items = [...document.querySelectorAll(`${sel} p`)].filter((li) => /SOC 2|CDN/.test(li.textContent ?? ''))
      const range = document.createRange()
      range.setStartBefore(items[0].firstChild!)
      range.setEndAfter(items[items.length - 1].lastChild!)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    }, notes)
    await page.click('[data-testid="send-to-decisions"]')
    const questions = page.locator('[data-testid="decision-item-question"]')
    await expect.poll(() => questions.count()).toBe(2)
    expect(await questions.nth(0).inputValue()).toBe('Approve the SOC 2 budget')
    expect(await questions.nth(1).inputValue()).toBe('Pick a CDN vendor')
    await page.fill('input[aria-label="Owner of item 1"]', 'Sam')
    await page.fill('input[aria-label="Due date of item 1"]', '2027-01-15')
    await page.click('[data-testid="decision-items-submit"]')
    await expect.poll(() => page.textContent('[data-testid="decisions-added"]')).toContain('2 items added to Decision queue')

    const queue = connectDoc(server.url, decisionsId, owner.cookie)
    await queue.synced()
    const added = readDecisions(queue.doc).decisions
    expect(added.map((d) => d.question).sort()).toEqual(['Approve the SOC 2 budget', 'Pick a CDN vendor'])
    expect(added.find((d) => d.question.startsWith('Approve'))).toMatchObject({ owner: 'Sam', dueDate: '2027-01-15', status: 'open' })
    queue.destroy()
    await ctx.close()
  }, 120_000)
})
