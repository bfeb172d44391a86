// Page geometry, colours and the few drawing primitives the board-pack PDF is made of, over pdfkit
// with its built-in Helvetica, and embedded DejaVu Sans for any string Helvetica cannot show. Everything
// is placed at explicit positions; `ensure` starts a new page when the next block would not fit, so
// nothing is ever cut by the bottom margin.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { openSync, type Font } from 'fontkit'

export const PAGE = { width: 595.28, height: 841.89 } as const
export const MARGIN = { left: 50, right: 50, top: 52, bottom: 54 } as const
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
export const CONTENT_BOTTOM = PAGE.height - MARGIN.bottom

export const COLOURS = {
  ink: '#0f172a',
  text: '#334155',
  muted: '#64748b',
  faint: '#94a3b8',
  rule: '#e2e8f0',
  panel: '#f8fafc',
  band: '#f1f5f9',
  cover: '#0f172a',
  onTrack: '#16a34a',
  watch: '#d97706',
  atRisk: '#dc2626',
} as const

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const
/**
 * The built-in fonts have only the Windows-1252 characters: a name such as Dvořák or Łukasz, Greek or
 * Cyrillic would print as '?'. A string with such a character is set in DejaVu Sans (Latin, Greek,
 * Cyrillic, arrows, ticks; embedded as a subset of the glyphs used), the rest stays in Helvetica.
 */
const DEJAVU_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
const UNICODE_FONT = {
  regular: { name: 'DejaVuSans', file: 'DejaVuSans.ttf' },
  bold: { name: 'DejaVuSans-Bold', file: 'DejaVuSans-Bold.ttf' },
  italic: { name: 'DejaVuSans-Oblique', file: 'DejaVuSans-Oblique.ttf' },
} as const
/**
 * DejaVu at Helvetica's size sets ~12–19% wider with a taller x-height, so a name in it stood out of
 * its line; at 92% it sits with the Helvetica around it.
 */
const UNICODE_SIZE_SCALE = 0.92

const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')
/** Look-alikes Helvetica can show, so that an arrow alone does not switch a string's font. */
const SUBSTITUTES: Record<string, string> = {
  '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '≠': '!=', '−': '-', '‐': '-', '‑': '-', '′': "'", '″': '"',
  '✓': 'v', '✔': 'v', '✗': 'x', '█': '#', '▸': '>', '◂': '<', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ',
}

const isWinAnsi = (ch: string, code: number) => (code >= 32 && code < 127) || (code >= 160 && code <= 255) || WIN_ANSI_EXTRAS.has(ch)
/** Control characters, variation selectors and zero-width joiners: nothing to draw. */
const isInvisible = (code: number) => code < 32 || (code >= 127 && code < 160) || (code >= 0xfe00 && code <= 0xfe0f) || code === 0x200b || code === 0x200d

/** Text the built-in fonts can show: known look-alikes substituted, other characters as '?'. */
export function pdfText(text: string): string {
  let out = ''
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) as number
    if (ch === '\n') out += ch
    else if (code === 9) out += ' '
    else if (isWinAnsi(ch, code)) out += ch
    else if (isInvisible(code)) continue
    else out += SUBSTITUTES[ch] ?? '?'
  }
  return out
}

/** Whether a string needs the embedded font: some character is neither WinAnsi nor has a look-alike. */
export function needsUnicodeFont(text: string): boolean {
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) as number
    if (!isWinAnsi(ch, code) && !isInvisible(code) && !(ch in SUBSTITUTES)) return true
  }
  return false
}

let dejaVu: Font | null = null
/** Whether DejaVu Sans has a glyph for the character (its regular face; the others cover nearly as much). */
function dejaVuHas(code: number): boolean {
  dejaVu ??= openSync(join(DEJAVU_DIR, UNICODE_FONT.regular.file)) as Font
  return dejaVu.hasGlyphForCodePoint(code)
}

/** Text for the embedded font: as typed (NFC), tabs as spaces, invisible characters dropped, '?' for what it lacks (CJK, most emoji). */
function unicodeText(text: string): string {
  let out = ''
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) as number
    if (ch === '\n') out += ch
    else if (code === 9) out += ' '
    else if (isInvisible(code)) continue
    else out += dejaVuHas(code) ? ch : '?'
  }
  return out
}

export interface TextStyle {
  font?: keyof typeof FONT
  size: number
  colour?: string
  lineGap?: number
  align?: 'left' | 'right' | 'center'
  characterSpacing?: number
  strike?: boolean
}

export class PdfCanvas {
  y: number = MARGIN.top

  constructor(readonly doc: PDFKit.PDFDocument) {
    for (const f of Object.values(UNICODE_FONT)) doc.registerFont(f.name, join(DEJAVU_DIR, f.file))
  }

  get remaining(): number {
    return CONTENT_BOTTOM - this.y
  }

  newPage(): void {
    this.doc.addPage()
    this.y = MARGIN.top
  }

  /** Starts a new page unless `height` fits below the cursor (a block taller than a page gets a fresh one). */
  ensure(height: number): boolean {
    if (height <= this.remaining || this.y === MARGIN.top) return false
    this.newPage()
    return true
  }

  /** Sets the style's font for this string (Helvetica, or DejaVu if it must) and returns the text to draw. */
  private style(text: string, s: TextStyle): string {
    const weight = s.font ?? 'regular'
    const unicode = needsUnicodeFont(text)
    this.doc.font(unicode ? UNICODE_FONT[weight].name : FONT[weight]).fontSize(unicode ? s.size * UNICODE_SIZE_SCALE : s.size).fillColor(s.colour ?? COLOURS.text)
    return unicode ? unicodeText(text) : pdfText(text)
  }

  heightOf(text: string, width: number, s: TextStyle): number {
    const clean = this.style(text, s)
    return this.doc.heightOfString(clean || ' ', { width, lineGap: s.lineGap ?? 0, characterSpacing: s.characterSpacing })
  }

  widthOf(text: string, s: TextStyle): number {
    const clean = this.style(text, s)
    return this.doc.widthOfString(clean, { characterSpacing: s.characterSpacing })
  }

  /** Wrapped text at a position; returns its height. */
  text(text: string, x: number, y: number, width: number, s: TextStyle): number {
    const height = this.heightOf(text, width, s)
    const clean = this.style(text, s)
    this.doc.text(clean, x, y, { width, lineGap: s.lineGap ?? 0, align: s.align, characterSpacing: s.characterSpacing, strike: s.strike })
    return height
  }

  /** Wrapped text at the cursor, flowing onto a new page if it must; moves the cursor below it. */
  flow(text: string, x: number, width: number, s: TextStyle): void {
    const clean = this.style(text, s)
    this.doc.text(clean, x, this.y, { width, lineGap: s.lineGap ?? 0, align: s.align })
    this.y = this.doc.y
  }

  /** One line, shortened with an ellipsis to fit `width`. */
  line(text: string, x: number, y: number, width: number, s: TextStyle): void {
    const fitted = this.fit(text.replace(/\s*\n\s*/g, ' '), width, s)
    const clean = this.style(fitted, s)
    this.doc.text(clean, x, y, { width, lineBreak: false, align: s.align, characterSpacing: s.characterSpacing, strike: s.strike })
  }

  fit(text: string, width: number, s: TextStyle): string {
    if (this.widthOf(text, s) <= width) return text
    // Cut between characters, never inside a surrogate pair.
    const chars = Array.from(text)
    const cut = (n: number) => `${chars.slice(0, n).join('').trimEnd()}…`
    let lo = 0
    let hi = chars.length
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2)
      if (this.widthOf(cut(mid), s) <= width) lo = mid
      else hi = mid - 1
    }
    return cut(lo)
  }

  /** Wrapped text limited to `maxLines`, the last shortened with an ellipsis; returns height and whether it was cut. */
  clamp(text: string, x: number, y: number, width: number, s: TextStyle, maxLines: number): { height: number; cut: boolean } {
    const lines = this.wrap(text, width, s)
    const cut = lines.length > maxLines
    const shown = lines.slice(0, maxLines)
    if (cut) shown[maxLines - 1] = this.fit(`${shown[maxLines - 1]}…`, width, s)
    const lineHeight = this.heightOf('X', width, s) + (s.lineGap ?? 0)
    shown.forEach((l, n) => this.line(l, x, y + n * lineHeight, width, s))
    return { height: shown.length * lineHeight, cut }
  }

  /** Greedy word wrap with the font's own metrics, for when lines must be counted. */
  wrap(text: string, width: number, s: TextStyle): string[] {
    const lines: string[] = []
    for (const para of text.split('\n')) {
      let current = ''
      for (const word of para.split(/\s+/).filter(Boolean)) {
        const candidate = current ? `${current} ${word}` : word
        if (this.widthOf(candidate, s) <= width || !current) current = candidate
        else {
          lines.push(current)
          current = word
        }
      }
      lines.push(current)
    }
    return lines
  }

  rect(x: number, y: number, w: number, h: number, fill: string, opts: { radius?: number; opacity?: number; stroke?: string } = {}): void {
    const { doc } = this
    doc.save()
    if (opts.radius) doc.roundedRect(x, y, w, h, opts.radius)
    else doc.rect(x, y, w, h)
    doc.fillOpacity(opts.opacity ?? 1)
    if (opts.stroke) doc.lineWidth(0.75).fillAndStroke(fill, opts.stroke)
    else doc.fill(fill)
    doc.restore()
  }

  rule(x1: number, x2: number, y: number, colour: string = COLOURS.rule, width = 0.5): void {
    this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(colour).stroke().restore()
  }

  dot(x: number, y: number, r: number, colour: string): void {
    this.doc.save().circle(x, y, r).fill(colour).restore()
  }

  /** A small filled triangle pointing up, down or right (for trends and clipped bars). */
  triangle(x: number, y: number, size: number, direction: 'up' | 'down' | 'left' | 'right', colour: string): void {
    const h = size / 2
    const points: Array<[number, number]> = {
      up: [[x - h, y + h], [x + h, y + h], [x, y - h]],
      down: [[x - h, y - h], [x + h, y - h], [x, y + h]],
      right: [[x - h, y - h], [x - h, y + h], [x + h, y]],
      left: [[x + h, y - h], [x + h, y + h], [x - h, y]],
    }[direction] as Array<[number, number]>
    this.doc.save().polygon(...points).fill(colour).restore()
  }
}

export type Align = 'left' | 'right'
export interface Column {
  header: string
  width: number
  align?: Align
}
export interface TableCell {
  text: string
  /** A second, smaller line under the text (e.g. the owner under a title). */
  sub?: string
  dot?: string
}
export interface TableRow {
  /** A group heading spanning the table (e.g. a pillar), drawn from the first cell. */
  group?: boolean
  cells: Array<string | TableCell>
  total?: boolean
  muted?: boolean
  strike?: boolean
}

export const CELL_PAD = 4
/** Body text of tables; numbers are measured against it to choose how to write them. */
export const TABLE_TEXT: TextStyle = { size: 7.6, colour: COLOURS.text }
const BODY = TABLE_TEXT
const SUB: TextStyle = { size: 6.6, colour: COLOURS.muted }
const HEAD: TextStyle = { font: 'bold', size: 6.6, colour: COLOURS.muted, characterSpacing: 0.2 }
const GROUP: TextStyle = { font: 'bold', size: 6.8, colour: COLOURS.ink, characterSpacing: 0.6 }

/** A table with a header that repeats on a new page, zebra rows and right-aligned numbers. */
export function drawTable(c: PdfCanvas, columns: Column[], rows: TableRow[]): void {
  const x0 = MARGIN.left
  const drawHeader = () => {
    const h = 16
    columns.reduce<number>((x, col) => {
      c.line(col.header.toUpperCase(), x + CELL_PAD, c.y + 5, col.width - 2 * CELL_PAD, { ...HEAD, align: col.align ?? 'left' })
      return x + col.width
    }, x0)
    c.rule(x0, x0 + CONTENT_WIDTH, c.y + h, COLOURS.ink, 0.75)
    c.y += h
  }
  c.ensure(16 + 18 * 2)
  drawHeader()
  let zebra = 0
  rows.forEach((row, n) => {
    if (row.group) {
      // Keep a group heading with its first row.
      if (c.ensure(15 + 16)) drawHeader()
      const first = row.cells[0]
      c.line((typeof first === 'string' ? first : first.text).toUpperCase(), x0 + CELL_PAD, c.y + 6, CONTENT_WIDTH - 2 * CELL_PAD, GROUP)
      c.y += 15
      zebra = 0
      return
    }
    const cells = row.cells.map((cell) => (typeof cell === 'string' ? { text: cell } : cell))
    const style = (col: Column): TextStyle => ({
      ...BODY, font: row.total ? 'bold' : 'regular', colour: row.muted ? COLOURS.faint : row.total ? COLOURS.ink : COLOURS.text,
      align: col.align ?? 'left', strike: row.strike,
    })
    const inner = (col: Column, cell: TableCell) => col.width - 2 * CELL_PAD - (cell.dot ? 9 : 0)
    const heights = cells.map((cell, i) => {
      const col = columns[i]
      const main = col.align === 'right' ? 9 : c.heightOf(cell.text, inner(col, cell), style(col))
      return main + (cell.sub ? c.heightOf(cell.sub, inner(col, cell), SUB) + 1 : 0)
    })
    const h = Math.max(...heights) + 7
    if (c.ensure(h)) drawHeader()
    if (row.total) c.rule(x0, x0 + CONTENT_WIDTH, c.y, COLOURS.ink, 0.75)
    else if (zebra++ % 2 === 1) c.rect(x0, c.y, CONTENT_WIDTH, h, COLOURS.panel)
    const next = rows[n + 1]
    let x = x0
    cells.forEach((cell, i) => {
      const col = columns[i]
      const tx = x + CELL_PAD + (cell.dot ? 9 : 0)
      if (cell.dot) c.dot(x + CELL_PAD + 3, c.y + 7.4, 2.5, cell.dot)
      if (col.align === 'right') c.line(cell.text, tx, c.y + 4, inner(col, cell), style(col))
      else {
        const mainH = c.text(cell.text, tx, c.y + 4, inner(col, cell), style(col))
        if (cell.sub) c.text(cell.sub, tx, c.y + 4 + mainH + 1, inner(col, cell), SUB)
      }
      x += col.width
    })
    c.y += h
    if (!row.total && !next?.group) c.rule(x0, x0 + CONTENT_WIDTH, c.y)
  })
}
