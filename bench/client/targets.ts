// The targets of issue #19, judged on the largest size, and the report's Markdown table.
import type { SizeFigures } from './figures'

export interface TargetResult { name: string; value: number | null; limit: number; unit: string; pass: boolean }

const MAX_JS_KB = 350

/** The figures that must also stay within 2× of the same figure at the smallest size. */
const SCALED: { name: string; unit: string; get: (f: SizeFigures) => number | null; floor: number }[] = [
  { name: 'edit→DOM p50', unit: 'ms', get: (f) => f.editToDom.p50, floor: 1 },
  { name: 'edit→DOM p95', unit: 'ms', get: (f) => f.editToDom.p95, floor: 1 },
  { name: 'edit→DOM max', unit: 'ms', get: (f) => f.editToDom.max, floor: 1 },
  // Event Timing reports nothing under 16 ms, so a 0 at the small size is compared as 16.
  { name: 'key press p95', unit: 'ms', get: (f) => f.keyPress.p95, floor: 16 },
  { name: 'key press max', unit: 'ms', get: (f) => f.keyPress.max, floor: 16 },
  { name: 'long tasks', unit: 'ms/s', get: (f) => f.longTaskMsPerSecond, floor: 5 },
  { name: 'cold load (median)', unit: 'ms', get: (f) => f.coldLoadMedianMs, floor: 1 },
]

export function judge(sizes: SizeFigures[]): TargetResult[] {
  if (sizes.length === 0) return []
  const big = sizes.reduce((a, b) => (b.initiatives > a.initiatives ? b : a))
  const small = sizes.reduce((a, b) => (b.initiatives < a.initiatives ? b : a))
  // An off-screen field that did not show its newest value when scrolled to is lost too.
  const lost = big.edits.lost + big.offScreen.fields - big.offScreen.shownWhenScrolled
  const out: TargetResult[] = [
    { name: `edit→DOM p95 at ${big.initiatives}`, value: lost ? null : big.editToDom.p95, limit: 16, unit: 'ms', pass: !lost && (big.editToDom.p95 ?? Infinity) <= 16 },
    { name: `key press p95 at ${big.initiatives}`, value: big.keyPress.p95, limit: 16, unit: 'ms', pass: (big.keyPress.p95 ?? Infinity) <= 16 },
    { name: `long tasks at ${big.initiatives}`, value: big.longTaskMsPerSecond, limit: 50, unit: 'ms/s', pass: big.longTaskMsPerSecond <= 50 },
    { name: `cold load at ${big.initiatives}`, value: big.coldLoadMedianMs, limit: 1500, unit: 'ms', pass: big.coldLoadMedianMs <= 1500 },
    { name: 'roadmap page JS transferred', value: big.transfer.jsKB, limit: MAX_JS_KB, unit: 'kB', pass: big.transfer.jsKB <= MAX_JS_KB },
  ]
  if (small !== big) {
    for (const s of SCALED) {
      const a = s.get(small)
      const b = s.get(big)
      const limit = 2 * Math.max(a ?? 0, s.floor)
      out.push({ name: `${s.name} at ${big.initiatives} ≤ 2× at ${small.initiatives}`, value: b, limit, unit: s.unit, pass: b !== null && b <= limit })
    }
  }
  return out
}

const cell = (v: number | null | undefined, unit = '') => (v === null || v === undefined ? '—' : `${v}${unit}`)

export function markdownTable(sizes: SizeFigures[], targets: TargetResult[]): string {
  const head = `| | ${sizes.map((s) => `${s.initiatives} initiatives`).join(' | ')} |`
  const rule = `|---|${sizes.map(() => '---:').join('|')}|`
  const row = (label: string, get: (s: SizeFigures) => string) => `| ${label} | ${sizes.map(get).join(' | ')} |`
  const lines = [
    head, rule,
    row('remote edit → DOM p50 / p95 / max (ms)', (s) => `${cell(s.editToDom.p50)} / ${cell(s.editToDom.p95)} / ${cell(s.editToDom.max)}`),
    row('edits in the DOM: sent / shown / superseded / lost', (s) => `${s.edits.sent} / ${s.edits.shown} / ${s.edits.superseded} / ${s.edits.lost}`),
    row('owner edits to rows not rendered: sent / fields / shown when scrolled to', (s) => `${s.offScreen.sent} / ${s.offScreen.fields} / ${s.offScreen.shownWhenScrolled}`),
    row('key press p95 / max (ms; presses ≥ 16 ms)', (s) => `${cell(s.keyPress.p95)} / ${cell(s.keyPress.max)} (${s.keyPress.over16} of ${s.keyPress.presses})`),
    row('long tasks (ms per s; longest ms)', (s) => `${s.longTaskMsPerSecond} (${s.longestTaskMs})`),
    row('cold load median (ms; runs)', (s) => `${s.coldLoadMedianMs} (${s.coldLoadMs.join(', ')})`),
    row('badge said "Behind" (s; first after ms)', (s) => `${s.behindBadge.shownSeconds} (${cell(s.behindBadge.firstAfterMs)})`),
    row('JS / CSS transferred (kB, files)', (s) => `${s.transfer.jsKB} (${s.transfer.jsFiles}) / ${s.transfer.cssKB} (${s.transfer.cssFiles})`),
  ]
  const verdicts = targets.map((t) => `- ${t.pass ? 'PASS' : 'MISS'} ${t.name}: ${cell(t.value, ` ${t.unit}`)} (target ≤ ${t.limit} ${t.unit})`)
  return [...lines, '', ...verdicts].join('\n')
}
