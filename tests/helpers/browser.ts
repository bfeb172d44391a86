// Debian's chromium driven by playwright-core. Each user gets their own browser context, so pages
// never sync through a shared profile's BroadcastChannel: only the server connects them.
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import type { ApiClient } from './api'

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: run 'apt-get install -y chromium' or set CHROMIUM_PATH`)
  return path
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** A fresh context already signed in as the API client's user (its session cookie copied in). */
export async function contextFor(browser: Browser, baseUrl: string, api: ApiClient, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options })
  const [name, value] = api.cookie.split('=')
  await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }])
  return context
}

export async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('[page error]', err.message))
  await page.goto(url)
  return page
}
