// Two editors (separate browser contexts) in one roadmap title cell: each sees the other's name on
// the cell, both type at the same moment, and both words survive on both pages and on the server.
// A viewer sees who is in the cell and cannot type. Build the client first: `npx vite build`.
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addInitiative, readRoadmap } from '../../shared/documents/roadmap'
import type { ApiClient } from '../helpers/api'
import { workspaceWithDocument } from '../helpers/api'
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

const TITLE = 'Data platform'
/** The names shown on a cell (null: nobody), read at once rather than waited for. */
const namesOn = (page: Page, cell: string) =>
  page.evaluate((selector) => document.querySelector(selector)?.getAttribute('data-names') ?? null, `${cell} [data-testid="cell-editors"]`)

describe('concurrent cell edits in Chromium', () => {
  it('shows who is in a cell and keeps both people\'s words when they type at once', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url, 'roadmap')
    const editor = await addMember('Eddie Editor', 'editor')
    const viewer = await addMember('Vera Viewer', 'viewer')

    // One initiative, written through the server like any client's edit.
    const seed = connectDoc(server.url, documentId, owner.cookie)
    await seed.synced()
    const added = addInitiative(seed.doc, { title: TITLE })
    if (!added.ok) throw new Error(added.error)
    const id = added.id

    const contexts = await Promise.all([owner, editor, viewer].map((api) => contextFor(browser, server.url, api as ApiClient)))
    const url = `${server.url}/d/${documentId}`
    const [a, b, v] = await Promise.all(contexts.map((c) => openPage(c, url)))
    const title = `[data-initiative-id="${id}"] [data-testid="initiative-title"]`
    const titleCell = `[data-initiative-id="${id}"] .cell-title`
    for (const page of [a, b, v]) {
      await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]')
      await expect.poll(() => page.inputValue(title)).toBe(TITLE)
    }

    // Both go into the same cell: each sees the other's name on it, the viewer sees both.
    await a.click(title)
    await b.click(title)
    await expect.poll(() => namesOn(a, titleCell)).toBe('Eddie Editor')
    await expect.poll(() => namesOn(b, titleCell)).toBe('Olivia Owner')
    await expect.poll(() => namesOn(v, titleCell)).toBe('Eddie Editor,Olivia Owner')

    if (process.env.SCREENSHOT_DIR) {
      mkdirSync(process.env.SCREENSHOT_DIR, { recursive: true })
      for (const width of [1440, 820]) {
        await a.setViewportSize({ width, height: 700 })
        await a.screenshot({ path: `${process.env.SCREENSHOT_DIR}/two-people-one-cell-${width}.png` })
      }
      await v.screenshot({ path: `${process.env.SCREENSHOT_DIR}/viewer-sees-two-people.png`, clip: { x: 0, y: 250, width: 1280, height: 200 } })
    }

    // Both type a different word at the end at the same moment, then leave the cell with Enter.
    await Promise.all([a.keyboard.press('End'), b.keyboard.press('End')])
    await Promise.all([a.keyboard.type(' alpha', { delay: 40 }), b.keyboard.type(' bravo', { delay: 40 })])
    await Promise.all([a.keyboard.press('Enter'), b.keyboard.press('Enter')])

    const merged = [`${TITLE} alpha bravo`, `${TITLE} bravo alpha`]
    const converged = await waitFor(async () => {
      const values = await Promise.all([a, b, v].map((page) => page.inputValue(title)))
      return values.every((value) => value === values[0]) && merged.includes(values[0]) ? values[0] : null
    }, { message: 'pages converge with both words' })

    // The server holds the same: its live document, and a version saved from it.
    await waitFor(() => readRoadmap(seed.doc).initiatives[0]?.title === converged, { message: 'server copy' })
    const saved = await owner.post(`/api/documents/${documentId}/versions`, { label: 'After both typed' })
    expect(saved.status).toBe(201)
    const version = await owner.get(`/api/documents/${documentId}/versions/${saved.body.version.version}`)
    expect(version.body.projection.initiatives[0].title).toBe(converged)

    // Leaving the cell clears the names.
    await expect.poll(() => namesOn(a, titleCell)).toBeNull()
    await expect.poll(() => namesOn(v, titleCell)).toBeNull()

    // The viewer's cell is read-only: typing changes nothing, here or anywhere. A later edit by the
    // owner reaching everyone proves the viewer's keystrokes had their chance to arrive.
    expect(await v.getAttribute(title, 'readonly')).not.toBeNull()
    await v.click(title)
    await v.keyboard.type('VIEWER')
    await a.click(`[data-initiative-id="${id}"] [data-testid="initiative-owner"]`)
    await a.keyboard.type('Ana')
    const owners = `[data-initiative-id="${id}"] [data-testid="initiative-owner"]`
    await expect.poll(() => v.inputValue(owners)).toBe('Ana')
    await expect.poll(() => b.inputValue(owners)).toBe('Ana')
    for (const page of [a, b, v]) expect(await page.inputValue(title)).toBe(converged)
    expect(readRoadmap(seed.doc).initiatives[0].title).toBe(converged)
    // A viewer in a cell is not shown as editing it.
    expect(await namesOn(a, titleCell)).toBeNull()

    seed.destroy()
    await Promise.all(contexts.map((c) => c.close()))
  }, 60_000)

  it('a number changed by someone else while you type over it says who changed it, and you choose', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url, 'roadmap')
    const editor = await addMember('Eddie Editor', 'editor')
    const seed = connectDoc(server.url, documentId, owner.cookie)
    await seed.synced()
    const added = addInitiative(seed.doc, { title: TITLE, oneOffCost: 100 })
    if (!added.ok) throw new Error(added.error)
    const contexts = await Promise.all([owner, editor].map((api) => contextFor(browser, server.url, api as ApiClient)))
    const url = `${server.url}/d/${documentId}`
    const [a, b] = await Promise.all(contexts.map((c) => openPage(c, url)))
    const cost = `[data-initiative-id="${added.id}"] [data-testid="initiative-oneOffCost"]`
    for (const page of [a, b]) await expect.poll(() => page.inputValue(cost)).toBe('100')

    // A starts typing a new cost; meanwhile B writes another one.
    await a.fill(cost, '250')
    await b.click(cost)
    await expect.poll(() => namesOn(a, `[data-initiative-id="${added.id}"] td.numeric`)).toBe('Eddie Editor')
    await b.fill(cost, '700')
    await b.keyboard.press('Enter')
    const notice = `[data-initiative-id="${added.id}"] [data-testid="cell-conflict"]`
    await expect.poll(() => a.textContent(notice).catch(() => null)).toContain('Eddie Editor changed this to 700')
    expect(await a.inputValue(cost)).toBe('250')
    if (process.env.SCREENSHOT_DIR) await a.screenshot({ path: `${process.env.SCREENSHOT_DIR}/changed-while-editing.png` })

    // Taking theirs shows their value and writes nothing; the field keeps focus.
    await a.click(`${notice} [data-testid="conflict-take"]`)
    expect(await a.inputValue(cost)).toBe('700')
    expect(await a.evaluate((selector) => document.activeElement === document.querySelector(selector), cost)).toBe(true)
    expect(await a.$(notice)).toBeNull()
    await a.keyboard.press('Enter')
    await waitFor(() => readRoadmap(seed.doc).initiatives[0]?.oneOffCost === 700, { message: 'server keeps 700' })

    seed.destroy()
    await Promise.all(contexts.map((c) => c.close()))
  }, 60_000)
})
