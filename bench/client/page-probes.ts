// What the page records about itself, installed before any of its scripts run (addInitScript):
// - markers: first time (epoch ms, performance.timeOrigin + now) each "[qN]" marker appeared in the
//   DOM (text, an input's value attribute, or an input's value property: text cells bound to a
//   Y.Text set `input.value` themselves, which no MutationObserver sees);
// - Event Timing entries of 16 ms and longer (the browser's floor), with their interactionId;
// - long tasks (50 ms and longer);
// - when the connection badge started and stopped saying "Behind".
export interface PageRecord {
  timeOrigin: number
  markers: Record<string, number>
  events: { name: string; start: number; duration: number; interactionId: number }[]
  longTasks: { start: number; duration: number }[]
  /** The connection badge's data-behind changes (epoch ms). */
  badge: { at: number; behind: boolean }[]
}

declare global {
  interface Window { __bench: PageRecord }
}

export function installProbes() {
  const record: PageRecord = { timeOrigin: performance.timeOrigin, markers: {}, events: [], longTasks: [], badge: [] }
  window.__bench = record
  const re = /\[q(\d+)\]/g
  const scan = (text: string | null | undefined, at: number) => {
    if (!text || !text.includes('[q')) return
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) if (!(m[1] in record.markers)) record.markers[m[1]] = at
  }
  const valueProperty = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!
  Object.defineProperty(HTMLInputElement.prototype, 'value', {
    ...valueProperty,
    set(this: HTMLInputElement, next: string) {
      valueProperty.set!.call(this, next)
      scan(next, performance.timeOrigin + performance.now())
    },
  })
  new MutationObserver((mutations) => {
    const at = performance.timeOrigin + performance.now()
    for (const r of mutations) {
      if (r.type === 'attributes' && r.attributeName === 'data-behind') record.badge.push({ at, behind: (r.target as Element).hasAttribute('data-behind') })
      else if (r.type === 'attributes') scan((r.target as Element).getAttribute(r.attributeName!), at)
      else if (r.type === 'characterData') scan((r.target as CharacterData).data, at)
      else {
        for (const n of r.addedNodes) {
          if (n.nodeType === Node.TEXT_NODE) scan((n as Text).data, at)
          else if (n instanceof Element) {
            scan(n.textContent, at)
            for (const input of n.querySelectorAll('input')) scan(input.value, at)
          }
        }
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['value', 'data-behind'] })
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceEventTiming[]) {
      record.events.push({ name: e.name, start: e.startTime, duration: e.duration, interactionId: (e as PerformanceEventTiming & { interactionId?: number }).interactionId ?? 0 })
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit)
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) record.longTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
}

/**
 * In the page: resolves with performance.now() once the table holds every row and the first title
 * cell is editable. A windowed table (past ~100 rows) renders the rows in its view and gives the
 * full count in aria-rowcount (header row included); a smaller one renders every row.
 */
export function pageReady(rows: number): number | false {
  const table = document.querySelector('[data-testid="roadmap-table"]')
  const rendered = document.querySelectorAll('[data-testid="initiative-row"]').length
  const windowed = table?.closest('.is-windowed') != null
  const holdsAll = table?.getAttribute('aria-rowcount') === String(rows + 1) && (rendered === rows || (windowed && rendered > 0))
  const first = document.querySelector<HTMLInputElement>('[data-testid="initiative-row"] [data-testid="initiative-title"]')
  return holdsAll && first !== null && !first.readOnly && !first.disabled ? performance.now() : false
}

/** In the page: scrolls a windowed table from top to bottom, half a view at a time, two frames a step. */
export async function scrollThroughTable(): Promise<void> {
  const box = document.querySelector('.table-scroll.is-windowed')
  if (!box) return
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
  for (let top = 0; top < box.scrollHeight; top += box.clientHeight / 2) {
    box.scrollTop = top
    await frame()
    await frame()
  }
}

/**
 * A page function as a script string. tsx (esbuild) may wrap functions in `__name(...)` calls that
 * the page does not define, so the script defines it first.
 */
export function pageScript(fn: (arg: never) => unknown, arg?: unknown): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)}) })()`
}
