// One page of the benchmark: a browser context signed in as the page's editor, with the probes
// installed, the JavaScript/CSS it transferred counted through the DevTools protocol (encoded bytes,
// as the browser received them), and the cold load timed in the page.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import type { ApiClient } from '../../tests/helpers/api'
import { contextFor } from '../../tests/helpers/browser'
import { installProbes, pageReady, pageScript, type PageRecord } from './page-probes'

export interface Transfer { jsBytes: number; jsFiles: number; cssBytes: number; cssFiles: number; encodings: Record<string, number> }

export interface OpenedPage { context: BrowserContext; page: Page; cdp: CDPSession; coldLoadMs: number; transfer: Transfer }

export async function openRoadmap(browser: Browser, baseUrl: string, user: ApiClient, documentId: string, rows: number): Promise<OpenedPage> {
  // The app's CSP forbids eval; Playwright's waitForFunction evaluates the probe's source string.
  const context = await contextFor(browser, baseUrl, user, { bypassCSP: true })
  await context.addInitScript({ content: pageScript(installProbes) })
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('[page error]', err.message))
  const cdp = await context.newCDPSession(page)
  const transfer: Transfer = { jsBytes: 0, jsFiles: 0, cssBytes: 0, cssFiles: 0, encodings: {} }
  const kinds = new Map<string, 'js' | 'css'>()
  await cdp.send('Network.enable')
  cdp.on('Network.responseReceived', (e) => {
    const kind = e.type === 'Script' ? 'js' : e.type === 'Stylesheet' ? 'css' : null
    if (!kind) return
    kinds.set(e.requestId, kind)
    const enc = (e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? 'identity') as string
    transfer.encodings[enc] = (transfer.encodings[enc] ?? 0) + 1
  })
  cdp.on('Network.loadingFinished', (e) => {
    const kind = kinds.get(e.requestId)
    if (kind === 'js') { transfer.jsBytes += e.encodedDataLength; transfer.jsFiles++ }
    if (kind === 'css') { transfer.cssBytes += e.encodedDataLength; transfer.cssFiles++ }
  })
  await page.goto(`${baseUrl}/d/${documentId}`)
  const ready = await page.waitForFunction(pageScript(pageReady as (a: never) => unknown, rows), undefined, { polling: 'raf', timeout: 120_000 })
  const coldLoadMs = (await ready.jsonValue()) as number
  return { context, page, cdp, coldLoadMs, transfer }
}

export const readRecord = (page: Page) => page.evaluate(() => window.__bench) as Promise<PageRecord>
