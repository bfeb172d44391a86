// Threads pinned to words of rich text: a viewer selects words and comments on them; an editor's
// open page highlights the same words without a reload; when the editor types before them, both
// pages still highlight those words; when the editor deletes them, both panels mark the thread
// detached. Screenshots go to SCREENSHOT_DIR when it is set.
import type { Browser, Page } from 'playwright-core'
import type { TiptapEditorHTMLElement } from '@tiptap/core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { axeFindings, blocking } from '../helpers/axe'
import { contextFor, launchBrowser, openPage } from '../helpers/browser'
import { screenshotsAtWidths } from '../helpers/screenshots'
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

/**
 * Selects the first occurrence of `words` in the page's (first) editor, as a mouse or finger would.
 * Another person's caret (an inline widget with their name) may sit inside the words: its text is
 * skipped and the range spans the text nodes on either side of it.
 */
async function selectWords(page: Page, words: string, editor = '.ProseMirror'): Promise<void> {
  await page.evaluate(([wanted, selector]) => {
    const root = document.querySelector(selector)
    if (!root) throw new Error('no editor')
    const nodes: { node: Text; from: number }[] = []
    let text = ''
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('[class*="collaboration-carets"]')) continue
      nodes.push({ node: node as Text, from: text.length })
      text += node.textContent ?? ''
    }
    const at = text.indexOf(wanted)
    if (at < 0) throw new Error(`"${wanted}" not in the editor`)
    const locate = (offset: number, end: boolean) => {
      const hit = nodes.findLast((n) => (end ? n.from < offset : n.from <= offset))!
      return [hit.node, offset - hit.from] as const
    }
    const range = document.createRange()
    range.setStart(...locate(at, false))
    range.setEnd(...locate(at + wanted.length, true))
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
  }, [words, editor] as const)
}

/** Text of the matching elements, without other people's caret labels (inline DOM). */
const textsOf = (page: Page, selector: string) => page.locator(selector).evaluateAll((elements) => elements.map((element) => {
  const copy = element.cloneNode(true) as HTMLElement
  copy.querySelectorAll('[class*="collaboration-caret"]').forEach((caret) => caret.remove())
  return copy.textContent
}))
const highlighted = (page: Page) => textsOf(page, '[data-testid="text-comment-highlight"]')
const editorText = async (page: Page) => (await textsOf(page, '.ProseMirror')).join('')

it('a text thread follows its words as another client edits, and is detached when they are deleted', async () => {
  const { owner, documentId, addMember } = await workspaceWithDocument(server.url, 'notes')
  const editor = await addMember('Eddie Editor', 'editor')
  const viewer = await addMember('Vera Viewer', 'viewer')
  const url = `${server.url}/d/${documentId}`
  const editorPage = await openPage(await contextFor(browser, server.url, editor), url)
  const viewerPage = await openPage(await contextFor(browser, server.url, viewer), url)
  for (const page of [editorPage, viewerPage]) {
    await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]')
    await page.getByText('No open threads.').waitFor({ timeout: 10_000 })
  }

  await editorPage.click('.ProseMirror')
  await editorPage.keyboard.type('The budget grows by twelve percent next year.')
  await expect.poll(() => editorText(viewerPage), { timeout: 10_000 }).toContain('next year.')

  // The viewer (who cannot write the document) selects words and comments on them.
  await selectWords(viewerPage, 'twelve percent')
  const button = viewerPage.getByRole('button', { name: 'Comment on the selected text' })
  await button.click()
  await viewerPage.getByTestId('comment-target').getByText('“twelve percent”').waitFor()
  await viewerPage.keyboard.type('Where does twelve come from?')
  await viewerPage.keyboard.press('Control+Enter')

  // Both pages highlight the words; the editor's without a reload.
  for (const page of [viewerPage, editorPage]) await expect.poll(() => highlighted(page), { timeout: 5_000 }).toEqual(['twelve percent'])
  const listed = await owner.get(`/api/documents/${documentId}/comments`)
  expect(listed.body.comments).toHaveLength(1)
  expect(listed.body.comments[0].anchor).toMatchObject({ type: 'text', field: 'body', quote: 'twelve percent' })
  expect(await editorPage.getByTestId('comment-quote').innerText()).toContain('twelve percent')

  // Clicking the highlight shows the thread in the panel.
  await editorPage.locator('[data-testid="text-comment-highlight"]').click()
  await editorPage.locator('[data-testid="comment-thread"].shown').waitFor({ timeout: 2_000 })
  expect(blocking(await axeFindings(editorPage))).toEqual([])
  await screenshotsAtWidths(editorPage, 'text-comment-editor', [1440, 768])
  await screenshotsAtWidths(viewerPage, 'text-comment-viewer', [1440, 768])

  // The editor types before the words, in the same line and at the top: both pages still highlight the same words.
  await editorPage.focus('.ProseMirror')
  await selectWords(editorPage, 'grows')
  await editorPage.keyboard.press('ArrowLeft')
  await editorPage.keyboard.type('really ')
  await editorPage.keyboard.press('Control+Home')
  await editorPage.keyboard.type('Draft: ')
  await expect.poll(() => editorText(viewerPage), { timeout: 10_000 }).toContain('The budget really grows by twelve percent')
  await expect.poll(() => editorText(viewerPage), { timeout: 10_000 }).toContain('Draft: ')
  for (const page of [viewerPage, editorPage]) await expect.poll(() => highlighted(page), { timeout: 5_000 }).toEqual(['twelve percent'])
  // And after them: still the same words.
  await selectWords(editorPage, 'next')
  await editorPage.keyboard.press('ArrowLeft')
  await editorPage.keyboard.type('in the ')
  await expect.poll(() => editorText(viewerPage), { timeout: 10_000 }).toContain('twelve percent in the next year')
  for (const page of [viewerPage, editorPage]) await expect.poll(() => highlighted(page), { timeout: 5_000 }).toEqual(['twelve percent'])
  for (const page of [viewerPage, editorPage]) expect(await page.getByTestId('comment-detached').count()).toBe(0)

  // The editor deletes the words: no highlight, and the thread stays, marked detached, on both pages.
  await editorPage.focus('.ProseMirror')
  await selectWords(editorPage, 'twelve percent')
  await editorPage.keyboard.press('Backspace')
  await expect.poll(() => editorText(viewerPage), { timeout: 10_000 }).toContain('grows by  in the next year')
  for (const page of [viewerPage, editorPage]) {
    await page.getByTestId('comment-detached').waitFor({ timeout: 5_000 })
    expect(await highlighted(page)).toEqual([])
    expect(await page.getByTestId('comment-thread').count()).toBe(1)
  }
  expect(blocking(await axeFindings(viewerPage))).toEqual([])
  await screenshotsAtWidths(viewerPage, 'text-comment-detached', [1440])
}, 90_000)

it('an editor comments on a selection from the keyboard; resolving the thread removes its highlight', async () => {
  const { owner, documentId } = await workspaceWithDocument(server.url, 'notes')
  const page = await openPage(await contextFor(browser, server.url, owner), `${server.url}/d/${documentId}`)
  await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]')
  await page.getByText('No open threads.').waitFor({ timeout: 10_000 })
  await page.click('.ProseMirror')
  await page.keyboard.type('Hire two engineers')
  // Select the last word from the keyboard, a character at a time until exactly it is selected (a
  // press that lands while the editor re-renders its own typing can move the caret by one).
  for (let i = 0; i < 20 && (await page.evaluate(() => String(window.getSelection()))) !== 'engineers'; i++) {
    const selected = await page.evaluate(() => String(window.getSelection()))
    await page.keyboard.press(selected.length < 'engineers'.length ? 'Shift+ArrowLeft' : 'Shift+ArrowRight')
  }
  expect(await page.evaluate(() => String(window.getSelection()))).toBe('engineers')
  // ProseMirror reads a keyboard selection from the browser's selectionchange event, which comes
  // after the key press and is ignored once the editor has lost focus: wait until the editor's own
  // state holds the selection before Tab moves focus away (a person is never that fast).
  await expect.poll(() => page.evaluate(() => {
    const { editor } = document.querySelector('.ProseMirror') as TiptapEditorHTMLElement
    const { from, to } = editor!.state.selection
    return editor!.state.doc.textBetween(from, to)
  })).toBe('engineers')

  // Tab from the selection reaches the button.
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Comment on the selected text')
  // Enter on it opens the composer. (Ctrl+Alt+M pressed in the editor opens it too by hand, but in
  // this test, after Shift+Tab back, it failed to in about one run in four: left to investigate.)
  await page.keyboard.press('Enter')
  await page.getByTestId('comment-target').getByText('“engineers”').waitFor()
  await page.keyboard.type('Which team?')
  await page.keyboard.press('Control+Enter')
  await expect.poll(() => highlighted(page), { timeout: 5_000 }).toEqual(['engineers'])

  // The caret inside the highlighted words offers "Show comment", the keyboard's way to the thread.
  await page.locator('[data-testid="text-comment-highlight"]').click()
  await page.getByRole('button', { name: 'Show comment' }).waitFor()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('comment-thread')

  await page.getByRole('button', { name: 'Resolve' }).click()
  await page.getByText('1 resolved').waitFor({ timeout: 5_000 })
  await expect.poll(() => highlighted(page), { timeout: 5_000 }).toEqual([])
  const listed = await owner.get(`/api/documents/${documentId}/comments`)
  expect(listed.body.comments[0]).toMatchObject({ resolved: true, anchor: { type: 'text', quote: 'engineers' } })
}, 60_000)

it('a thread on words of a brief pillar\'s narrative is highlighted there and counted on the pillar', async () => {
  const { owner, workspaceId } = await workspaceWithDocument(server.url, 'notes')
  const briefId = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'brief', title: 'Pillar brief' })).body.id as string
  const page = await openPage(await contextFor(browser, server.url, owner), `${server.url}/d/${briefId}`)
  const narrative = '[data-pillar="security"] .ProseMirror'
  await page.waitForSelector(narrative, { timeout: 10_000 })
  await page.getByText('No open threads.').waitFor({ timeout: 10_000 })
  await page.click(narrative)
  await page.keyboard.type('Patch backlog halved since March.')
  await selectWords(page, 'backlog halved', narrative)
  const button = page.getByRole('button', { name: 'Comment on the selected text' })
  await button.waitFor()
  expect(blocking(await axeFindings(page))).toEqual([])
  await screenshotsAtWidths(page, 'text-comment-button', [1440, 768], 1000, false)
  await button.click()
  await page.keyboard.type('By how many?')
  await page.keyboard.press('Control+Enter')

  await expect.poll(() => textsOf(page, `[data-pillar="security"] [data-testid="text-comment-highlight"]`), { timeout: 5_000 }).toEqual(['backlog halved'])
  await page.getByRole('button', { name: 'Comment on Security (1 open thread)' }).waitFor({ timeout: 5_000 })
  const listed = await owner.get(`/api/documents/${briefId}/comments`)
  expect(listed.body.comments[0].anchor).toMatchObject({ type: 'text', recordId: 'security', field: 'narrative', quote: 'backlog halved' })
}, 60_000)
