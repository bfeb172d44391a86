// Keyboard-only navigation for browser tests: Tab until an element has focus, checking at every
// stop that the focused element shows a focus indicator (an outline or a focus ring shadow).
import type { Page } from 'playwright-core'

interface FocusStop { matches: boolean; visible: boolean; description: string }

/** Runs in the page: is the focused element the target, and can a sighted person see where focus is? */
function inspectFocus(selector: string): FocusStop {
  const el = document.activeElement
  if (!el || el === document.body) return { matches: false, visible: true, description: 'body' }
  const style = getComputedStyle(el)
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
  const ring = style.boxShadow !== 'none'
  const label = el.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? el.textContent?.trim().slice(0, 40) ?? ''
  const description = `<${el.tagName.toLowerCase()} class="${el.className}"> ${label} (outline: ${style.outline}; box-shadow: ${style.boxShadow}; focus ${el.matches(":focus")} ${el.matches(":focus-visible")} ${document.hasFocus()} ${(el as HTMLInputElement).type} ${el.getAttribute("style")})`
  return { matches: el.matches(selector), visible: outline || ring, description }
}

/** Presses Tab (Shift+Tab with `back`) until `selector` has focus; throws after `max` presses or at a stop without a visible focus indicator. */
export async function tabTo(page: Page, selector: string, { back = false, max = 120 } = {}): Promise<void> {
  const seen: string[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    const stop = await page.evaluate(inspectFocus, selector)
    seen.push(stop.description)
    if (!stop.visible) throw new Error(`focus is not visible on ${stop.description}`)
    if (stop.matches) return
  }
  throw new Error(`${selector} not reached in ${max} presses of Tab; went through:\n${seen.slice(-15).join('\n')}`)
}

/** The element that has focus, as a short description (for assertions' messages). */
export const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)
