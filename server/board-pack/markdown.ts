// The board pack as Markdown: pure, model in, text out.
import { sourceText } from './board-pack-model'
import type { BoardPackModel, BriefSection, InitiativeRow, RoadmapSection, Section, SourceVersion, SummarySection, TimelineBar, TotalsRow } from './board-pack-model'
import { dayLabel, dayTimeLabel, formatCapacity, humanize, monthName, moneyFormatter, shortDay } from './format'
import type { ChangeMark } from './change-marks'
import { escapeInline, fenceFor } from './markdown-escape'
import type { RecordSection } from './record-sections'
import type { PackBlock } from './summary-blocks'

/** Marks a row added or changed since the previous board. */
const CHANGED = '▲ '

/** A table cell: one line, markup and pipes escaped. */
function cell(text: string): string {
  return escapeInline(text.replace(/\s*\n\s*/g, ' ').trim()).replace(/\|/g, '\\|')
}

/** Body text that would otherwise read as Markdown structure (a heading, list or quote) is escaped. */
function prose(text: string): string {
  return escapeInline(text)
    .split('\n')
    .map((line) => line.replace(/^(\s*)(#{1,6}\s|[-*+]\s|\d+[.)]\s|>)/, '$1\\$2'))
    .join('  \n')
}

type Align = 'left' | 'right'
function table(headers: Array<[string, Align]>, rows: string[][]): string {
  const rule = headers.map(([, align]) => (align === 'right' ? '---:' : '---'))
  return [headers.map(([h]) => h), rule, ...rows.map((r) => r.map(cell))].map((r) => `| ${r.join(' | ')} |`).join('\n')
}

function sourceLine(source: SourceVersion): string {
  return `_${cell(sourceText(source, ''))}_`
}

function summaryMarkdown(summary: SummarySection): string[] {
  return summary.blocks.map((block: PackBlock, n) => {
    const next = summary.blocks[n + 1]
    switch (block.type) {
      case 'heading':
        return `${'#'.repeat(Math.max(3, block.level + 1))} ${cell(block.text)}\n`
      case 'paragraph':
        return `${prose(block.text)}\n`
      case 'bullet': {
        const marker = block.number === null ? '-' : `${block.number}.`
        const end = next?.type === 'bullet' ? '' : '\n'
        return `${'  '.repeat(block.depth)}${marker} ${prose(block.text)}${end}`
      }
    }
  })
}

function briefMarkdown(brief: BriefSection): string[] {
  const { counts } = brief
  const out = [
    `${counts['on-track']} on track · ${counts.watch} watch · ${counts['at-risk']} at risk\n`,
    table(
      [['Pillar', 'left'], ['Status', 'left'], ['Trend', 'left'], ['Owner', 'left'], ['Reviewed', 'left']],
      brief.tiles.map((t) => [t.label, humanize(t.status), humanize(t.trend), t.owner || '—', t.reviewedOn ? shortDay(t.reviewedOn) : '—']),
    ) + '\n',
  ]
  for (const t of brief.tiles) {
    out.push(`### ${t.changed ? CHANGED : ''}${t.label} — ${humanize(t.status).toLowerCase()}\n`, `${t.narrative.trim() ? prose(t.narrative.trim()) : '_No narrative._'}\n`)
  }
  return out
}

function totalsTable(first: string, rows: TotalsRow[], grand: TotalsRow, money: (n: number) => string): string {
  const line = (r: TotalsRow) => [r.label, String(r.count), money(r.oneOffCost), money(r.runRateCost), money(r.totalCost), formatCapacity(r.capacity)]
  const bold = line(grand).map((v) => `**${v}**`)
  return table(
    [[first, 'left'], ['Initiatives', 'right'], ['One-off', 'right'], ['Run-rate', 'right'], ['Total', 'right'], ['Capacity (pw)', 'right']],
    [...rows.map(line), bold],
  )
}

const TITLE_WIDTH = 34
const CELL = 4

function timelineLine(title: string, bar: TimelineBar | null, months: number): string {
  const name = title.length > TITLE_WIDTH ? `${title.slice(0, TITLE_WIDTH - 1)}…` : title.padEnd(TITLE_WIDTH)
  let cells = ''
  for (let m = 0; m < months; m++) {
    const inBar = bar !== null && m >= bar.start && m <= bar.end
    let chunk = inBar ? '█'.repeat(CELL) : ' ·  '
    if (inBar && m === bar.start && bar.clippedStart) chunk = '◂' + chunk.slice(1)
    if (inBar && m === bar.end && bar.clippedEnd) chunk = chunk.slice(0, -1) + '▸'
    cells += chunk
  }
  return `${name} ${cells}${bar ? `  ${bar.risk}${bar.status === 'done' ? ', done' : ''}` : ''}`.trimEnd()
}

function timeline(roadmap: RoadmapSection): string {
  const years = roadmap.months.map((m, n) => (n === 0 || m.endsWith('-01') ? m.slice(0, 4) : '').padEnd(CELL)).join('')
  const header = roadmap.months.map((m) => monthName(m).padEnd(CELL)).join('')
  const lines = [`${''.padEnd(TITLE_WIDTH)} ${years}`.trimEnd(), `${'Initiative'.padEnd(TITLE_WIDTH)} ${header}  Risk`]
  for (const lane of roadmap.lanes) {
    lines.push(lane.label.toUpperCase())
    for (const bar of lane.bars) lines.push(timelineLine(`  ${bar.title}`, bar, roadmap.months.length))
  }
  // Inside a fence nothing is markup; only the fence itself must not be closable by a title.
  const fence = fenceFor(lines.join('\n'))
  return [`${fence}text`, ...lines, fence].join('\n')
}

function initiativesTable(rows: InitiativeRow[], money: (n: number) => string): string {
  return table(
    [['Initiative', 'left'], ['Pillar', 'left'], ['Status', 'left'], ['Months', 'left'], ['One-off', 'right'], ['Run-rate / yr', 'right'], ['Capacity (pw)', 'right'], ['Risk', 'left'], ['Owner', 'left']],
    rows.map((r) => [
      (r.changed ? CHANGED : '') + (r.counted ? r.title : `~~${r.title}~~`), r.pillarLabel, humanize(r.status), r.period || 'Unscheduled',
      money(r.oneOffCost), money(r.runRateCost), formatCapacity(r.capacity), humanize(r.risk), r.owner || '—',
    ]),
  )
}

function roadmapMarkdown(roadmap: RoadmapSection): string[] {
  const money = moneyFormatter(roadmap.currency)
  const grand: TotalsRow = { ...roadmap.grand, label: 'Total' }
  const counted = roadmap.initiatives.filter((i) => i.counted).length
  const notes = [
    `Window ${roadmap.windowLabel} · amounts in ${cell(roadmap.currency)} · ${counted} initiatives counted · ${roadmap.highRisk.length} open high-risk`,
  ]
  if (roadmap.cut > 0) notes.push(`${roadmap.cut} cut initiative${roadmap.cut === 1 ? '' : 's'} shown struck through and counted in no total.`)
  if (roadmap.unscheduled > 0) notes.push(`${roadmap.unscheduled} without start and end months: listed, not in the totals or the timeline.`)
  if (roadmap.outsideWindow > 0) notes.push(`${roadmap.outsideWindow} scheduled wholly outside the window: not in the totals or the timeline.`)
  const out = [
    notes.join('  \n') + '\n',
    '_One-off cost and capacity are spread evenly over the months an initiative runs; run-rate is the annual cost ÷ 12 for each month in the window._\n',
    '### Totals by quarter\n', `_${roadmap.quarterNote}._\n`, totalsTable('Quarter', roadmap.quarters, grand, money) + '\n',
    '### Totals by pillar\n', totalsTable('Pillar', roadmap.pillars, grand, money) + '\n',
    '### Timeline\n', timeline(roadmap) + '\n',
    '### Initiatives\n', (roadmap.initiatives.length > 0 ? initiativesTable(roadmap.initiatives, money) : '_No initiatives._') + '\n',
  ]
  if (roadmap.highRisk.length > 0) {
    out.push('### Open high-risk initiatives\n')
    out.push(roadmap.highRisk.map((r) => `- **${cell(r.title)}** (${r.pillarLabel}${r.owner ? `, ${cell(r.owner)}` : ''}): ${cell(r.riskNote) || 'no risk note.'}`).join('\n') + '\n')
  }
  return out
}

function changeLine(mark: ChangeMark | null): string[] {
  if (!mark) return []
  return [mark.changed ? `> **${cell(mark.text)}**\n` : `_${cell(mark.text)}_\n`]
}

function sectionMarkdown<T>(title: string, section: Section<T>, mark: ChangeMark | null, body: (s: T) => string[]): string[] {
  if (!section.included) return [`## ${cell(title)}\n`, `_${cell(section.note)}_\n`]
  return [`## ${cell(title)}\n`, sourceLine(section.source) + '\n', ...changeLine(mark), ...body(section)]
}

function recordMarkdown(r: RecordSection): string[] {
  const out = [`## ${cell(r.title)}\n`]
  if (r.source) out.push(sourceLine(r.source) + '\n')
  if (r.note) out.push(`_${cell(r.note)}_\n`)
  out.push(...changeLine(r.changes))
  if (r.heatMap) {
    out.push('### Heat map\n', '_Active risks by severity (rows) and likelihood (columns)._\n')
    const rows = [5, 4, 3, 2, 1].map((s) => [`Severity ${s}`, ...[1, 2, 3, 4, 5].map((l) => String(r.heatMap![s - 1]?.[l - 1] || '·'))])
    out.push(table([['', 'left'], ...[1, 2, 3, 4, 5].map((l): [string, 'right'] => [`Likelihood ${l}`, 'right'])], rows) + '\n')
  }
  for (const t of r.tables) {
    if (t.heading) out.push(`### ${cell(t.heading)}\n`)
    if (t.rows.length === 0) out.push(`_${cell(t.empty)}_\n`)
    else out.push(table(t.columns.map((c) => [c.header, c.align ?? 'left']), t.rows.map((row) => row.cells.map((v, i) => (i === 0 && row.changed ? CHANGED + v : v)))) + '\n')
  }
  return out
}


export function renderMarkdown(model: BoardPackModel): string {
  const out = [
    `# ${cell(model.title)}\n`,
    `**${cell(model.workspaceName)}** · ${cell(model.meetingTitle)} · ${dayLabel(model.startsAt)}\n`,
    `Built from the versions saved when the meeting ended (${dayTimeLabel(model.endedAt)}).\n`,
  ]
  out.push('## Contents\n', model.contents.map((title, n) => `${n + 1}. ${cell(title)}`).join('\n') + '\n',
    `_${CHANGED}marks a row added or changed since the previous board._\n`)
  out.push(...sectionMarkdown(model.contents[0], model.summary, model.changes.summary, summaryMarkdown))
  out.push(...sectionMarkdown('Pillar brief', model.brief, model.changes.brief, briefMarkdown))
  out.push(...sectionMarkdown('Roadmap', model.roadmap, model.changes.roadmap, roadmapMarkdown))
  for (const r of model.records) out.push(...recordMarkdown(r))
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n'
}
