// The board pack as a PDF (A4, pdfkit, built-in Helvetica): a cover header, the summary, the
// eight pillar tiles, the roadmap as swim lanes and the totals. Same model → same bytes: the
// creation date (which also seeds the file id) is the meeting's end time.
import PDFDocument from 'pdfkit'
import type { BriefStatus, BriefTrend } from '../../shared/documents/brief'
import type { RiskLevel } from '../../shared/documents/roadmap'
import { sourceText } from './board-pack-model'
import type { BoardPackModel, BriefSection, PillarTile, RoadmapSection, Section, SummarySection, TimelineBar, TotalsRow } from './board-pack-model'
import { dayLabel, dayTimeLabel, formatCapacity, humanize, monthName, moneyFormatter, shortDay } from './format'
import type { MoneyScale } from './format'
import { CELL_PAD, COLOURS, CONTENT_WIDTH, drawTable, MARGIN, PAGE, PdfCanvas, TABLE_TEXT } from './pdf-layout'
import type { Column, TableRow, TextStyle } from './pdf-layout'
import type { ChangeMark } from './change-marks'
import { CHANGED_PREFIX, changeLine, currentPage, drawContents, recordSection, reserveContents } from './pdf-records'

export interface PdfOptions {
  /** Compress page streams (default true); tests turn it off to search the text. */
  compress?: boolean
}

const STATUS_COLOUR: Record<BriefStatus, string> = { 'on-track': COLOURS.onTrack, watch: COLOURS.watch, 'at-risk': COLOURS.atRisk }
const RISK_COLOUR: Record<RiskLevel, string> = { low: COLOURS.onTrack, medium: COLOURS.watch, high: COLOURS.atRisk }
const TREND_ARROW: Record<BriefTrend, 'up' | 'right' | 'down'> = { improving: 'up', steady: 'right', declining: 'down' }

const BODY: TextStyle = { size: 9, colour: COLOURS.text, lineGap: 1.9 }
const SMALL: TextStyle = { size: 7.5, colour: COLOURS.muted }
const X = MARGIN.left

export function renderPdf(model: BoardPackModel, opts: PdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: MARGIN,
    compress: opts.compress ?? true,
    bufferPages: true,
    info: {
      // Info strings are stored as UTF-16 and shown in the viewer's own font: no font limit applies.
      Title: `${model.title} — ${model.workspaceName}`.normalize('NFC'),
      Author: model.workspaceName.normalize('NFC'),
      Subject: model.meetingTitle.normalize('NFC'),
      Creator: 'Quorum',
      CreationDate: new Date(model.endedAt),
    },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const c = new PdfCanvas(doc)
  cover(c, model)
  const contentsAt = model.scope === 'pack' ? reserveContents(c, model.contents.length) : null
  const at = dayTimeLabel(model.endedAt)
  const pages = model.parts.map((part, n) => {
    if (part === 'summary') return section(c, model.contents[n], model.summary, model.changes.summary, at, summary)
    if (part === 'brief') return section(c, model.contents[n], model.brief, model.changes.brief, at, brief, (b) => briefHeight(c, b))
    if (part === 'roadmap') return section(c, model.contents[n], model.roadmap, model.changes.roadmap, at, roadmap)
    const record = model.records.find((r) => r.id === part)!
    const page = heading(c, record.title, 70)
    recordSection(c, record, at)
    return page
  })
  if (contentsAt) drawContents(c, contentsAt, model.contents.map((title, n) => ({ title, page: pages[n] })))
  footers(c, model)
  doc.end()
  return done
}

function cover(c: PdfCanvas, model: BoardPackModel): void {
  const height = 118
  c.rect(0, 0, PAGE.width, height, COLOURS.cover)
  c.line(model.scope === 'pack' ? 'BOARD PACK' : 'DOCUMENT', X, 30, 200, { font: 'bold', size: 8, colour: COLOURS.faint, characterSpacing: 1.6 })
  c.line('BOARD CONFIDENTIAL', X, 30, CONTENT_WIDTH, { font: 'bold', size: 7, colour: COLOURS.muted, characterSpacing: 1.2, align: 'right' })
  c.line(model.meetingTitle, X, 43, CONTENT_WIDTH, { font: 'bold', size: 22, colour: '#ffffff' })
  c.line(`${model.workspaceName}  ·  ${model.quarterLabel}  ·  ${dayLabel(model.startsAt)}`, X, 72, CONTENT_WIDTH, { size: 11, colour: '#cbd5e1' })
  c.line(model.scope === 'pack' ? `Built from the documents as saved when the meeting ended, ${dayTimeLabel(model.endedAt)}.` : `Exported ${dayTimeLabel(model.endedAt)}.`, X, 91, CONTENT_WIDTH, { size: 8, colour: COLOURS.faint })
  c.y = height + 22
}

const SECTION_HEAD = 44

/** A section's heading, kept with `keep` points of its body; returns the page it is on (for the contents). */
function heading(c: PdfCanvas, title: string, keep: number): number {
  c.ensure(SECTION_HEAD + keep)
  if (c.y > MARGIN.top) c.y += 4
  const page = currentPage(c)
  c.line(title, X, c.y, CONTENT_WIDTH, { font: 'bold', size: 14, colour: COLOURS.ink })
  c.y += 18
  c.rule(X, X + CONTENT_WIDTH, c.y, COLOURS.ink, 1)
  c.y += 5
  return page
}

/** `keep`: how much of the body must follow the heading on the same page. */
function section<T>(c: PdfCanvas, title: string, s: Section<T>, mark: ChangeMark | null, at: string, body: (c: PdfCanvas, s: T) => void, keep: (s: T) => number = () => 70): number {
  const page = heading(c, title, s.included ? keep(s) : 20)
  if (!s.included) {
    c.y += c.text(s.note, X, c.y, CONTENT_WIDTH, { ...BODY, font: 'italic', colour: COLOURS.muted }) + 16
    return page
  }
  c.line(sourceText(s.source, at), X, c.y, CONTENT_WIDTH, SMALL)
  c.y += 16
  changeLine(c, mark)
  body(c, s)
  return page
}


// ── Summary ─────────────────────────────────────────────────────────────────────────────────

function summary(c: PdfCanvas, s: SummarySection): void {
  if (s.blocks.length === 0) {
    c.y += c.text('The summary was empty when the meeting ended.', X, c.y, CONTENT_WIDTH, { ...BODY, font: 'italic', colour: COLOURS.muted }) + 12
  }
  s.blocks.forEach((block, n) => {
    const next = s.blocks[n + 1]
    if (block.type === 'heading') {
      const style: TextStyle = { font: 'bold', size: block.level === 3 ? 9 : 10.5, colour: COLOURS.ink }
      const h = c.heightOf(block.text, CONTENT_WIDTH, style)
      // Keep a heading with the first lines of what follows it.
      c.ensure(h + 40)
      if (n > 0) c.y += 5
      c.y += c.text(block.text, X, c.y, CONTENT_WIDTH, style) + 4
    } else if (block.type === 'paragraph') {
      c.ensure(c.heightOf(block.text, CONTENT_WIDTH, BODY))
      c.flow(block.text, X, CONTENT_WIDTH, BODY)
      c.y += 6
    } else {
      const indent = 14 + block.depth * 14
      const width = CONTENT_WIDTH - indent
      c.ensure(c.heightOf(block.text, width, BODY))
      if (block.number === null) c.dot(X + indent - 8, c.y + 4.9, 1.6, COLOURS.text)
      else c.line(`${block.number}.`, X + indent - 14, c.y, 11, { ...BODY, align: 'right' })
      c.flow(block.text, X + indent, width, BODY)
      c.y += next?.type === 'bullet' ? 2 : 7
    }
  })
  c.y += 6
}

// ── Pillar brief ────────────────────────────────────────────────────────────────────────────

const TILE_GAP = 9
const TILE_WIDTH = (CONTENT_WIDTH - 3 * TILE_GAP) / 4
const TILE_PAD = 8
const TILE_HEAD = 31
const NARRATIVE: TextStyle = { size: 7.2, colour: COLOURS.text, lineGap: 1.3 }
const NARRATIVE_LINES = 11

function brief(c: PdfCanvas, b: BriefSection): void {
  legend(c, [
    [STATUS_COLOUR['on-track'], `${b.counts['on-track']} on track`],
    [STATUS_COLOUR.watch, `${b.counts.watch} watch`],
    [STATUS_COLOUR['at-risk'], `${b.counts['at-risk']} at risk`],
  ])
  c.y += LEGEND_HEIGHT
  const cut: PillarTile[] = []
  for (const tiles of tileRows(b)) {
    const bodyHeight = Math.max(...tiles.map((t) => tileBodyHeight(c, t)))
    c.ensure(TILE_HEAD + bodyHeight)
    tiles.forEach((t, i) => {
      if (drawTile(c, t, X + i * (TILE_WIDTH + TILE_GAP), c.y, bodyHeight)) cut.push(t)
    })
    c.y += TILE_HEAD + bodyHeight + TILE_GAP
  }
  // Narratives too long for a tile are printed in full below the grid.
  if (cut.length > 0) subheading(c, 'Narratives in full', 40)
  for (const t of cut) {
    c.ensure(40)
    c.line(t.label, X, c.y, CONTENT_WIDTH, { font: 'bold', size: 9.5, colour: COLOURS.ink })
    c.y += 13
    c.flow(t.narrative, X, CONTENT_WIDTH, BODY)
    c.y += 8
  }
  c.y += 4
}

const LEGEND_HEIGHT = 15

function tileRows(b: BriefSection): PillarTile[][] {
  return [b.tiles.slice(0, 4), b.tiles.slice(4, 8)]
}

/** The legend and the whole grid, so the grid is never split across pages when it can be kept whole. */
function briefHeight(c: PdfCanvas, b: BriefSection): number {
  return LEGEND_HEIGHT + tileRows(b).reduce((h, tiles) => h + TILE_HEAD + Math.max(...tiles.map((t) => tileBodyHeight(c, t))) + TILE_GAP, 0)
}

function tileMeta(t: PillarTile): string[] {
  return [t.owner || 'No owner', t.reviewedOn ? `Reviewed ${shortDay(t.reviewedOn)}` : 'Not reviewed']
}

function tileBodyHeight(c: PdfCanvas, t: PillarTile): number {
  const width = TILE_WIDTH - 2 * TILE_PAD
  const lines = Math.min(c.wrap(t.narrative.trim(), width, NARRATIVE).length, NARRATIVE_LINES)
  const lineHeight = c.heightOf('X', width, NARRATIVE) + (NARRATIVE.lineGap ?? 0)
  return TILE_PAD + 22 + (t.narrative.trim() ? lines * lineHeight : 10) + TILE_PAD - 3
}

/** Draws one tile; true when its narrative had to be shortened. */
function drawTile(c: PdfCanvas, t: PillarTile, x: number, y: number, bodyHeight: number): boolean {
  const colour = STATUS_COLOUR[t.status]
  const width = TILE_WIDTH - 2 * TILE_PAD
  c.rect(x, y, TILE_WIDTH, TILE_HEAD + bodyHeight, COLOURS.panel, { radius: 4, stroke: COLOURS.rule })
  c.rect(x, y, TILE_WIDTH, TILE_HEAD, colour, { radius: 4 })
  c.rect(x, y + TILE_HEAD - 4, TILE_WIDTH, 4, colour)
  c.line(t.label, x + TILE_PAD, y + 6, width, { font: 'bold', size: 10.5, colour: '#ffffff' })
  c.line(`${humanize(t.status).toUpperCase()}${t.changed ? '  ·  CHANGED' : ''}`, x + TILE_PAD, y + 19, width, { font: 'bold', size: 6.5, colour: '#ffffff', characterSpacing: 0.8 })
  const trend = humanize(t.trend)
  const trendStyle: TextStyle = { size: 6.8, colour: '#ffffff', align: 'right' }
  const trendWidth = c.widthOf(trend, trendStyle)
  c.line(trend, x + TILE_PAD, y + 19, width, trendStyle)
  c.triangle(x + TILE_WIDTH - TILE_PAD - trendWidth - 6, y + 22.4, 5, TREND_ARROW[t.trend], '#ffffff')

  let ty = y + TILE_HEAD + TILE_PAD
  const [owner, reviewed] = tileMeta(t)
  c.line(owner, x + TILE_PAD, ty, width, { font: 'bold', size: 7.6, colour: COLOURS.ink })
  c.line(reviewed, x + TILE_PAD, ty + 9.5, width, { size: 6.8, colour: COLOURS.muted })
  ty += 22
  if (!t.narrative.trim()) {
    c.line('No narrative.', x + TILE_PAD, ty, width, { ...NARRATIVE, font: 'italic', colour: COLOURS.faint })
    return false
  }
  return c.clamp(t.narrative.trim(), x + TILE_PAD, ty, width, NARRATIVE, NARRATIVE_LINES).cut
}

function legend(c: PdfCanvas, items: Array<[string, string]>, style: TextStyle = { size: 8, colour: COLOURS.text }): void {
  let x = X
  for (const [colour, label] of items) {
    c.dot(x + 3.5, c.y + 4, 3.5, colour)
    c.line(label, x + 11, c.y, 200, style)
    x += 11 + c.widthOf(label, style) + 16
  }
}

// ── Roadmap ─────────────────────────────────────────────────────────────────────────────────

const PILLAR_WIDTH = 64
const LABEL_WIDTH = 172
const GRID_X = X + LABEL_WIDTH
const BAR_ROW = 13.5

/** Full amounts when every one fits its column; otherwise the whole column in thousands (or millions). */
function moneyForColumn(c: PdfCanvas, currency: string, amounts: number[], width: number): (n: number) => string {
  const scales: MoneyScale[] = ['units', 'thousands', 'millions']
  const fits = (format: (n: number) => string) => amounts.every((a) => c.widthOf(format(a), { ...TABLE_TEXT, font: 'bold' }) <= width - 2 * CELL_PAD)
  for (const scale of scales) {
    const format = moneyFormatter(currency, scale)
    if (fits(format)) return format
  }
  return moneyFormatter(currency, 'millions')
}

function roadmap(c: PdfCanvas, r: RoadmapSection): void {
  const counted = r.initiatives.filter((i) => i.counted).length
  const facts = [`Window ${r.windowLabel}`, `amounts in ${r.currency}`, `${counted} initiatives counted`, `${r.highRisk.length} open high-risk`]
  if (r.cut > 0) facts.push(`${r.cut} cut`)
  c.line(facts.join('  ·  '), X, c.y, CONTENT_WIDTH, { size: 8.5, colour: COLOURS.text })
  c.y += 17

  subheading(c, 'Timeline', BAR_ROW * 3 + 30)
  timeline(c, r)
  const notes: string[] = []
  if (r.unscheduled > 0) notes.push(`${r.unscheduled} initiative${r.unscheduled === 1 ? ' has' : 's have'} no start and end months and ${r.unscheduled === 1 ? 'is' : 'are'} not shown.`)
  if (r.outsideWindow > 0) notes.push(`${r.outsideWindow} lie${r.outsideWindow === 1 ? 's' : ''} wholly outside the window.`)
  if (notes.length > 0) {
    c.line(notes.join(' '), X, c.y, CONTENT_WIDTH, SMALL)
    c.y += 14
  }
  c.y += 12

  const grand: TotalsRow = { ...r.grand, label: 'Total' }
  const totalsMoney = moneyForColumn(c, r.currency, [grand.totalCost], 72)
  subheading(c, 'Totals by quarter', 16 + 24 * 3 + 12)
  c.line(`${r.quarterNote}.`, X, c.y, CONTENT_WIDTH, SMALL)
  c.y += 12
  totalsTable(c, 'Quarter', r.quarters, grand, totalsMoney)
  subheading(c, 'Totals by pillar', 16 + 24 * 3)
  totalsTable(c, 'Pillar', r.pillars, grand, totalsMoney)
  c.ensure(14)
  c.flow('One-off cost and capacity are spread evenly over the months an initiative runs; run-rate is the annual cost ÷ 12 for each month in the window. Cut initiatives count nowhere.', X, CONTENT_WIDTH, { ...SMALL, lineGap: 1.5 })
  c.y += 16

  subheading(c, 'Initiatives', 16 + 26 * 3)
  initiatives(c, r)
  if (r.highRisk.length > 0) highRisk(c, r)
}

function subheading(c: PdfCanvas, text: string, keepWith: number): void {
  c.ensure(22 + keepWith)
  c.line(text, X, c.y, CONTENT_WIDTH, { font: 'bold', size: 10.5, colour: COLOURS.ink })
  c.y += 18
}

function timelineHeader(c: PdfCanvas, r: RoadmapSection): void {
  const cw = (CONTENT_WIDTH - LABEL_WIDTH) / r.months.length
  r.months.forEach((m, i) => {
    const x = GRID_X + i * cw
    if (i === 0 || m.endsWith('-01')) c.line(m.slice(0, 4), x, c.y, cw, { font: 'bold', size: 6.5, colour: COLOURS.muted, align: 'center' })
    c.line(monthName(m), x, c.y + 9, cw, { size: 7.2, colour: COLOURS.text, align: 'center' })
  })
  c.y += 21
  c.rule(X, X + CONTENT_WIDTH, c.y, COLOURS.ink, 0.75)
}

/** Alternate quarters are shaded so the bars read against the quarter totals. */
function quarterBands(c: PdfCanvas, months: number, y: number, h: number): void {
  const cw = (CONTENT_WIDTH - LABEL_WIDTH) / months
  for (let q = 1; q * 3 < months; q += 2) c.rect(GRID_X + q * 3 * cw, y, 3 * cw, h, COLOURS.band)
}

function timeline(c: PdfCanvas, r: RoadmapSection): void {
  const months = r.months.length
  const cw = (CONTENT_WIDTH - LABEL_WIDTH) / months
  if (r.lanes.length === 0) {
    c.y += c.text('No scheduled initiatives in the window.', X, c.y, CONTENT_WIDTH, { ...BODY, font: 'italic', colour: COLOURS.muted }) + 10
    return
  }
  timelineHeader(c, r)
  for (const lane of r.lanes) {
    c.y += 2
    // A lane starts where at least two of its rows fit; its label repeats on a new page.
    if (c.ensure(BAR_ROW * Math.min(2, lane.bars.length))) timelineHeader(c, r)
    lane.bars.forEach((bar, n) => {
      const newPage = c.ensure(BAR_ROW)
      if (newPage) timelineHeader(c, r)
      quarterBands(c, months, c.y - (n === 0 ? 2 : 0), BAR_ROW + (n === 0 ? 2 : 0))
      if (n === 0 || newPage) {
        c.line(lane.label.toUpperCase(), X, c.y + 3.6, PILLAR_WIDTH - 4, { font: 'bold', size: 6.6, colour: COLOURS.ink, characterSpacing: 0.5 })
      }
      c.line(bar.title, X + PILLAR_WIDTH, c.y + 3.2, LABEL_WIDTH - PILLAR_WIDTH - 6, { size: 7.3, colour: bar.status === 'done' ? COLOURS.muted : COLOURS.text })
      drawBar(c, bar, cw)
      c.y += BAR_ROW
    })
    c.y += 2
    quarterBands(c, months, c.y - 2, 2)
    c.rule(X, X + CONTENT_WIDTH, c.y)
  }
  c.y += 8
  legend(c, [
    [RISK_COLOUR.low, 'Low risk'],
    [RISK_COLOUR.medium, 'Medium risk'],
    [RISK_COLOUR.high, 'High risk'],
  ], { size: 7.2, colour: COLOURS.muted })
  c.line('Outlined: proposed  ·  faded: done', X, c.y, CONTENT_WIDTH, { size: 7.2, colour: COLOURS.muted, align: 'right' })
  c.y += 16
}

function drawBar(c: PdfCanvas, bar: TimelineBar, cw: number): void {
  const colour = RISK_COLOUR[bar.risk]
  const x = GRID_X + bar.start * cw + 1.5
  const w = (bar.end - bar.start + 1) * cw - 3
  const y = c.y + 2.75
  const h = BAR_ROW - 5.5
  const proposed = bar.status === 'proposed'
  const opacity = bar.status === 'done' ? 0.35 : proposed ? 0.28 : 1
  c.rect(x, y, w, h, colour, { radius: 2, opacity, stroke: proposed ? colour : undefined })
  const solid = opacity === 1
  if (w >= 44) c.line(humanize(bar.status), x + 4, y + 2, w - 8, { font: 'bold', size: 5.8, colour: solid ? '#ffffff' : COLOURS.ink })
  if (bar.clippedStart) c.triangle(x - 0.5, y + h / 2, 5, 'left', COLOURS.ink)
  if (bar.clippedEnd) c.triangle(x + w + 0.5, y + h / 2, 5, 'right', COLOURS.ink)
}

const TOTALS_COLUMNS = (first: string): Column[] => [
  { header: first, width: 125 },
  { header: 'Initiatives', width: 62, align: 'right' },
  { header: 'One-off', width: 80, align: 'right' },
  { header: 'Run-rate', width: 72, align: 'right' },
  { header: 'Total', width: 84, align: 'right' },
  { header: 'Capacity (pw)', width: CONTENT_WIDTH - 423, align: 'right' },
]

function totalsTable(c: PdfCanvas, first: string, rows: TotalsRow[], grand: TotalsRow, money: (n: number) => string): void {
  const line = (r: TotalsRow, total = false): TableRow => ({
    cells: [r.label, String(r.count), money(r.oneOffCost), money(r.runRateCost), money(r.totalCost), formatCapacity(r.capacity)],
    total,
    muted: !total && r.count === 0,
  })
  drawTable(c, TOTALS_COLUMNS(first), [...rows.map((r) => line(r)), line(grand, true)])
  c.y += 14
}

function initiatives(c: PdfCanvas, r: RoadmapSection): void {
  if (r.initiatives.length === 0) {
    c.y += c.text('No initiatives.', X, c.y, CONTENT_WIDTH, { ...BODY, font: 'italic', colour: COLOURS.muted }) + 10
    return
  }
  const columns: Column[] = [
    { header: 'Initiative', width: 114 },
    { header: 'Owner', width: 58 },
    { header: 'Status', width: 48 },
    { header: 'Months', width: 80 },
    { header: 'One-off', width: 54, align: 'right' },
    { header: 'Run-rate', width: 50, align: 'right' },
    { header: 'Capacity', width: 44, align: 'right' },
    { header: 'Risk', width: CONTENT_WIDTH - 448 },
  ]
  const oneOff = moneyForColumn(c, r.currency, r.initiatives.map((i) => i.oneOffCost), 54)
  const runRate = moneyForColumn(c, r.currency, r.initiatives.map((i) => i.runRateCost), 50)
  const rows: TableRow[] = []
  r.initiatives.forEach((i, n) => {
    if (n === 0 || r.initiatives[n - 1].pillarLabel !== i.pillarLabel) rows.push({ group: true, cells: [i.pillarLabel] })
    rows.push({
      cells: [
        (i.changed ? CHANGED_PREFIX : '') + i.title, i.owner || '—', humanize(i.status), i.period || 'Unscheduled',
        oneOff(i.oneOffCost), runRate(i.runRateCost), formatCapacity(i.capacity), { text: humanize(i.risk), dot: RISK_COLOUR[i.risk] },
      ],
      muted: !i.counted,
      strike: !i.counted,
    })
  })
  drawTable(c, columns, rows)
  c.y += 6
  c.line('Run-rate is per year; capacity in person-weeks. Struck-through initiatives are cut and count in no total.', X, c.y, CONTENT_WIDTH, SMALL)
  c.y += 22
}

function highRisk(c: PdfCanvas, r: RoadmapSection): void {
  subheading(c, 'Open high-risk initiatives', 30)
  const title: TextStyle = { font: 'bold', size: 9.5, colour: COLOURS.ink }
  const meta: TextStyle = { size: 8.5, colour: COLOURS.muted }
  const width = CONTENT_WIDTH - 12
  for (const i of r.highRisk) {
    const note = i.riskNote.trim() || 'No risk note.'
    const about = `${i.pillarLabel}${i.owner ? ` · ${i.owner}` : ''}`
    // Title and pillar share a line when they fit; a long title wraps and the pillar goes under it.
    const oneLine = c.widthOf(i.title, title) + c.widthOf(`  ${about}`, meta) <= width
    const head = oneLine ? 13 : c.heightOf(i.title, width, title) + 12
    c.ensure(head + c.heightOf(note, width, BODY))
    c.dot(X + 3, c.y + 4.5, 3, COLOURS.atRisk)
    if (oneLine) {
      c.line(i.title, X + 12, c.y, width, title)
      c.line(`  ${about}`, X + 12 + c.widthOf(i.title, title), c.y + 1, width, meta)
      c.y += 13
    } else {
      c.flow(i.title, X + 12, width, title)
      c.line(about, X + 12, c.y + 1, width, meta)
      c.y += 12
    }
    c.flow(note, X + 12, width, BODY)
    c.y += 8
  }
}

// ── Footer ──────────────────────────────────────────────────────────────────────────────────

function footers(c: PdfCanvas, model: BoardPackModel): void {
  const { doc } = c
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Writing below the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const y = PAGE.height - 34
    c.rule(X, X + CONTENT_WIDTH, y - 8)
    c.line(`${model.workspaceName}  ·  ${model.title}  ·  Board confidential`, X, y, CONTENT_WIDTH - 80, { size: 7, colour: COLOURS.muted })
    c.line(`Page ${i - range.start + 1} of ${range.count}`, X, y, CONTENT_WIDTH, { size: 7, colour: COLOURS.muted, align: 'right' })
    doc.page.margins.bottom = bottom
  }
}
