// The PDF's record sections (risk log with its 5×5 heat map, renewals, decisions, actions,
// attendance), the "changed since the previous board" lines and the contents list.
import { sourceText } from './board-pack-model'
import type { ChangeMark } from './change-marks'
import { COLOURS, CONTENT_WIDTH, drawTable, MARGIN, PdfCanvas } from './pdf-layout'
import type { Column, TableRow, TextStyle } from './pdf-layout'
import type { PackTable, RecordSection } from './record-sections'

const X = MARGIN.left
const BODY: TextStyle = { size: 9, colour: COLOURS.text, lineGap: 1.9 }
const SMALL: TextStyle = { size: 7.5, colour: COLOURS.muted }
/** Rows added or changed since the previous board start with this (Helvetica has no ▲). */
export const CHANGED_PREFIX = '* '

/** The section's "changed since the previous board" line, highlighted when something changed. */
export function changeLine(c: PdfCanvas, mark: ChangeMark | null): void {
  if (!mark) return
  const style: TextStyle = { size: 8, font: mark.changed ? 'bold' : 'italic', colour: mark.changed ? COLOURS.watch : COLOURS.muted }
  const h = c.heightOf(mark.text, CONTENT_WIDTH - 10, style)
  if (mark.changed) c.rect(X, c.y - 2, 3, h + 3, COLOURS.watch)
  c.y += c.text(mark.text, X + (mark.changed ? 8 : 0), c.y, CONTENT_WIDTH - 10, style) + 10
}

function table(c: PdfCanvas, t: PackTable): void {
  if (t.heading) {
    c.ensure(22 + 40)
    c.line(t.heading, X, c.y, CONTENT_WIDTH, { font: 'bold', size: 10.5, colour: COLOURS.ink })
    c.y += 18
  }
  if (t.rows.length === 0) {
    c.y += c.text(t.empty, X, c.y, CONTENT_WIDTH, { ...BODY, font: 'italic', colour: COLOURS.muted }) + 12
    return
  }
  const columns: Column[] = t.columns.map((col) => ({ header: col.header, width: col.share * CONTENT_WIDTH, align: col.align }))
  const rows: TableRow[] = t.rows.map((r) => ({ cells: r.cells.map((cell, i) => (i === 0 && r.changed ? CHANGED_PREFIX + cell : cell)) }))
  drawTable(c, columns, rows)
  c.y += 14
}

const HEAT_CELL = 34
/** Severity (rows, 5 at the top) × likelihood (columns); each cell the number of active risks. */
function heatMap(c: PdfCanvas, counts: number[][]): void {
  const size = HEAT_CELL * 5
  c.ensure(22 + size + 40)
  c.line('Heat map (active risks: severity × likelihood)', X, c.y, CONTENT_WIDTH, { font: 'bold', size: 10.5, colour: COLOURS.ink })
  c.y += 18
  const left = X + 58
  const top = c.y
  for (let s = 5; s >= 1; s--) {
    const y = top + (5 - s) * HEAT_CELL
    c.line(String(s), left - 14, y + HEAT_CELL / 2 - 4, 10, { size: 8, colour: COLOURS.muted, align: 'right' })
    for (let l = 1; l <= 5; l++) {
      const score = s * l
      const fill = score >= 15 || s === 5 ? COLOURS.atRisk : score >= 8 ? COLOURS.watch : COLOURS.onTrack
      const n = counts[s - 1]?.[l - 1] ?? 0
      const x = left + (l - 1) * HEAT_CELL
      c.rect(x, y, HEAT_CELL - 2, HEAT_CELL - 2, fill, { opacity: n > 0 ? 0.9 : 0.18 })
      if (n > 0) c.line(String(n), x, y + HEAT_CELL / 2 - 6, HEAT_CELL - 2, { font: 'bold', size: 10, colour: '#ffffff', align: 'center' })
    }
  }
  for (let l = 1; l <= 5; l++) c.line(String(l), left + (l - 1) * HEAT_CELL, top + size + 3, HEAT_CELL - 2, { size: 8, colour: COLOURS.muted, align: 'center' })
  c.line('Severity', X, top + size / 2 - 4, 40, SMALL)
  c.line('Likelihood', left, top + size + 15, size, { ...SMALL, align: 'center' })
  c.y = top + size + 36
}

export function recordSection(c: PdfCanvas, s: RecordSection, at: string): void {
  if (s.source) {
    c.line(sourceText(s.source, at), X, c.y, CONTENT_WIDTH, SMALL)
    c.y += 16
  }
  if (s.note) c.y += c.text(s.note, X, c.y, CONTENT_WIDTH, { ...BODY, font: 'italic', colour: COLOURS.muted }) + 12
  changeLine(c, s.changes)
  if (s.heatMap) heatMap(c, s.heatMap)
  for (const t of s.tables) table(c, t)
}

const CONTENTS_LINE = 14
/** Room for the contents list, drawn once the pages are known. */
export function reserveContents(c: PdfCanvas, entries: number): { page: number; y: number } {
  const at = { page: currentPage(c), y: c.y }
  c.y += 20 + entries * CONTENTS_LINE + 14
  return at
}

export function currentPage(c: PdfCanvas): number {
  const range = c.doc.bufferedPageRange()
  return range.start + range.count - 1
}

export function drawContents(c: PdfCanvas, at: { page: number; y: number }, entries: Array<{ title: string; page: number }>): void {
  c.doc.switchToPage(at.page)
  let y = at.y
  c.line('Contents', X, y, CONTENT_WIDTH, { font: 'bold', size: 12, colour: COLOURS.ink })
  y += 20
  for (const e of entries) {
    const page = String(e.page + 1)
    c.line(e.title, X, y, CONTENT_WIDTH - 40, { size: 9.5, colour: COLOURS.text })
    c.line(page, X, y, CONTENT_WIDTH, { size: 9.5, colour: COLOURS.text, align: 'right' })
    y += CONTENTS_LINE
  }
  c.line(`${CHANGED_PREFIX}marks a row added or changed since the previous board.`, X, y + 2, CONTENT_WIDTH, SMALL)
}
