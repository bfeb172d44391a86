// Screenshots for a person to look at, taken only when SCREENSHOT_DIR is set
// (`SCREENSHOT_DIR=/tmp/shots npx vitest run tests/e2e/…`): the default run asserts, it does not draw.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'

/** Saves the page as `<name>.png` in SCREENSHOT_DIR, if set. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: options.fullPage ?? false })
}

/** The page at each width (`<name>-<width>.png`), then back at 1280 × 900. Nothing when SCREENSHOT_DIR is unset. */
export async function screenshotsAtWidths(page: Page, name: string, widths: readonly number[], height = 1000, fullPage = true): Promise<void> {
  if (!process.env.SCREENSHOT_DIR) return
  for (const width of widths) {
    await page.setViewportSize({ width, height })
    await screenshot(page, `${name}-${width}`, { fullPage })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}
