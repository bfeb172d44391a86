// The board pack as data: what the Markdown and PDF renderers both draw, built from the
// projections saved when a board meeting ended. Pure: no I/O, no clock, no formatting of numbers.
import type { BriefProjection, BriefStatus, BriefTrend } from '../../shared/documents/brief'
import { PILLAR_LABELS, PILLARS, isPillarKey } from '../../shared/documents/pillars'
import type { PillarKey } from '../../shared/documents/pillars'
import type { InitiativeProjection, InitiativeStatus, RiskLevel, RoadmapProjection } from '../../shared/documents/roadmap'
import { countsTowardTotals, isOpenHighRisk, roadmapTotals } from '../../shared/documents/roadmap-totals'
import type { CostTotals } from '../../shared/documents/roadmap-totals'
import { barOffsets, monthSpan, windowEnd, windowMonths } from '../../shared/documents/roadmap-window'
import type { BarOffsets } from '../../shared/documents/roadmap-window'
import type { SummaryProjection } from '../../shared/documents/summary'
import { CADENCE_PACK_NAMES, type Cadence } from '../../shared/cadences'
import { dateLabel, utcDate } from '../../shared/format/dates'
import { fiscalYearNote, quarterLabel as quarterOf } from '../../shared/format/quarters'
import type { ActionDto, MeetingDecisionDto } from '../../shared/api'
import type { DecisionsProjection } from '../../shared/documents/decisions'
import type { ProjectionByKind } from '../../shared/documents/projections'
import type { RisksProjection } from '../../shared/documents/risks'
import type { VendorsProjection } from '../../shared/documents/vendors'
import { changeMark, type ChangeMark } from './change-marks'
import { periodLabel, slug } from './format'
import { actionsSection, attendanceSection, decisionsSection, renewalsSection, riskLogSection, type RecordSection } from './record-sections'
import { summaryBlocksFromText } from './summary-blocks'
import type { PackBlock } from './summary-blocks'

/** Where a section's content came from: a saved version of a document. */
export interface SourceVersion {
  documentTitle: string
  /** null: the live document (a single-document export). */
  version: number | null
}

/** "From “Roadmap”, version 3, saved when the meeting ended." or "From “Roadmap” as it stood on …". */
export function sourceText(source: SourceVersion, at: string): string {
  return source.version === null
    ? `From “${source.documentTitle}” as it stood on ${at}.`
    : `From “${source.documentTitle}”, version ${source.version}, saved when the meeting ended.`
}

export type PartKey = 'summary' | 'brief' | 'roadmap' | RecordSection['id']

export interface BoardPackInput {
  workspaceName: string
  /** The workspace's fiscal-year start (1 = January): the quarters of the totals and the pack's quarter. */
  fyStartMonth?: number
  meeting: { title: string; cadence: Cadence; startsAt: number; endedAt: number }
  /** blocks: the body's structure when the saved Yjs state could be read; otherwise built from the plain body. */
  summary: (SourceVersion & { projection: SummaryProjection; blocks: PackBlock[] | null }) | null
  brief: (SourceVersion & { projection: BriefProjection }) | null
  roadmap: (SourceVersion & { projection: RoadmapProjection }) | null
  risks: (SourceVersion & { projection: RisksProjection }) | null
  vendors: (SourceVersion & { projection: VendorsProjection }) | null
  decisions: (SourceVersion & { projection: DecisionsProjection }) | null
  /** This meeting's record, as it stands (it may change until the minutes are approved). */
  taken: MeetingDecisionDto[]
  openActions: ActionDto[]
  attendees: Array<{ name: string }>
  /** The previous board meeting's saved projections, for the "changed since" marks; null when there was none. */
  previous: { label: string; saved: Partial<{ summary: SummaryProjection; brief: BriefProjection; roadmap: RoadmapProjection; risks: RisksProjection; vendors: VendorsProjection; decisions: DecisionsProjection }> } | null
}

/** A pack input with no risk log, vendors, decision queue, meeting record or previous board. */
export const WITHOUT_RECORDS: Pick<BoardPackInput, 'risks' | 'vendors' | 'decisions' | 'taken' | 'openActions' | 'attendees' | 'previous'> = {
  risks: null, vendors: null, decisions: null, taken: [], openActions: [], attendees: [], previous: null,
}

export type Missing = { included: false; note: string }
export type Section<T> = ({ included: true; source: SourceVersion } & T) | Missing

export interface SummarySection {
  title: string
  blocks: PackBlock[]
}

export interface PillarTile {
  pillar: PillarKey
  label: string
  status: BriefStatus
  trend: BriefTrend
  owner: string
  reviewedOn: string | null
  narrative: string
  /** Changed since the previous board. */
  changed: boolean
}
export interface BriefSection {
  tiles: PillarTile[]
  counts: Record<BriefStatus, number>
}

export type TotalsRow = CostTotals & { label: string }
export interface InitiativeRow {
  title: string
  pillar: PillarKey | null
  pillarLabel: string
  status: InitiativeStatus
  /** 'Jul–Nov 2026', or '' when unscheduled. */
  period: string
  oneOffCost: number
  /** Annual. */
  runRateCost: number
  capacity: number
  risk: RiskLevel
  riskNote: string
  owner: string
  /** False for cut initiatives, which count in no total. */
  counted: boolean
  /** Added or changed since the previous board. */
  changed: boolean
}
export interface TimelineBar extends BarOffsets {
  title: string
  risk: RiskLevel
  status: InitiativeStatus
}
export interface TimelineLane {
  pillar: PillarKey | null
  label: string
  bars: TimelineBar[]
}
export interface RoadmapSection {
  currency: string
  windowStart: string
  windowLabel: string
  /** The twelve months of the window, 'YYYY-MM'. */
  months: string[]
  quarters: TotalsRow[]
  /** Which quarters those are: "FY quarters start in April" (or calendar quarters). */
  quarterNote: string
  pillars: TotalsRow[]
  grand: CostTotals
  initiatives: InitiativeRow[]
  lanes: TimelineLane[]
  highRisk: InitiativeRow[]
  /** Not cut but without usable months: listed, but neither in the totals nor on the timeline. */
  unscheduled: number
  /** Scheduled, not cut, but wholly outside the window. */
  outsideWindow: number
  cut: number
}

export interface BoardPackModel {
  title: string
  workspaceName: string
  meetingTitle: string
  quarterLabel: string
  startsAt: number
  endedAt: number
  /** 'board-pack-q3-2026': the download's name without its extension. */
  fileStem: string
  summary: Section<SummarySection>
  brief: Section<BriefSection>
  roadmap: Section<RoadmapSection>
  /** "Changed since the previous board" of the three document sections (null: no previous board). */
  changes: { summary: ChangeMark | null; brief: ChangeMark | null; roadmap: ChangeMark | null }
  /** Risk log, vendor renewals, decision queue, open actions, attendance. */
  records: RecordSection[]
  /** The section titles in order, for the contents list. */
  contents: string[]
  /** What is drawn, in order: every part for a pack; one for a single document. */
  parts: PartKey[]
  /** 'pack': cover says board pack, with contents; 'document': one document exported from its page. */
  scope: 'pack' | 'document'
}

/** One live document as a PDF: the same sections as the pack, only that document's. */
export function buildDocumentModel(input: {
  workspaceName: string; fyStartMonth?: number; title: string; at: number
  document: { kind: 'summary' | 'notes'; projection: SummaryProjection } | { kind: 'brief'; projection: BriefProjection } | { kind: 'roadmap'; projection: RoadmapProjection }
    | { kind: 'risks'; projection: RisksProjection } | { kind: 'vendors'; projection: VendorsProjection } | { kind: 'decisions'; projection: DecisionsProjection }
}): BoardPackModel {
  const source = { documentTitle: input.title, version: null }
  const d = input.document
  const packKind = d.kind === 'notes' ? 'summary' : d.kind
  const base = buildBoardPackModel({
    ...WITHOUT_RECORDS, workspaceName: input.workspaceName, fyStartMonth: input.fyStartMonth,
    meeting: { title: input.title, cadence: 'ad-hoc', startsAt: input.at, endedAt: input.at },
    summary: d.kind === 'summary' || d.kind === 'notes' ? { ...source, projection: d.projection, blocks: null } : null,
    brief: d.kind === 'brief' ? { ...source, projection: d.projection } : null,
    roadmap: d.kind === 'roadmap' ? { ...source, projection: d.projection } : null,
    risks: d.kind === 'risks' ? { ...source, projection: d.projection } : null,
    vendors: d.kind === 'vendors' ? { ...source, projection: d.projection } : null,
    decisions: d.kind === 'decisions' ? { ...source, projection: d.projection } : null,
  })
  const part: PartKey = packKind === 'vendors' ? 'renewals' : packKind
  const index = base.parts.indexOf(part)
  // Vendor renewals are judged against the day of the export; no meeting, so no "decided at this meeting".
  const records = base.records.map((r) => (r.id === 'decisions' ? { ...r, note: null, tables: r.tables.slice(1) } : r))
  return { ...base, records, title: input.title, fileStem: slug(input.title) || 'document', scope: 'document', parts: [part], contents: [d.kind === 'notes' ? 'Notes' : base.contents[index]] }
}

const UNASSIGNED = 'Unassigned'

export function buildBoardPackModel(input: BoardPackInput): BoardPackModel {
  const summaryLabel = input.summary?.projection.quarterLabel?.trim() ?? ''
  const quarterLabel = summaryLabel || quarterOf(input.meeting.startsAt, input.fyStartMonth)
  const opts = { fyStartMonth: input.fyStartMonth }
  const prev = input.previous
  const mark = <K extends 'summary' | 'brief' | 'roadmap' | 'risks' | 'vendors' | 'decisions'>(kind: K, saved: { projection: ProjectionByKind[K] } | null) =>
    saved ? changeMark(kind, saved.projection, prev && { label: prev.label, saved: (prev.saved[kind] ?? null) as ProjectionByKind[K] | null }, opts) : null
  const changes = { summary: mark('summary', input.summary), brief: mark('brief', input.brief), roadmap: mark('roadmap', input.roadmap) }
  const records = [
    riskLogSection(input.risks, mark('risks', input.risks)),
    renewalsSection(input.vendors, utcDate(input.meeting.endedAt), mark('vendors', input.vendors)),
    decisionsSection(input.decisions, input.taken, mark('decisions', input.decisions)),
    actionsSection(input.openActions),
    attendanceSection(input.attendees),
  ]
  const summary: Section<SummarySection> = input.summary ? { included: true, source: sourceOf(input.summary), ...summarySection(input.summary) } : missing('quarterly summary')
  return {
    changes,
    records,
    contents: [summary.included ? summary.title : 'Quarterly summary', 'Pillar brief', 'Roadmap', ...records.map((r) => r.title)],
    parts: ['summary', 'brief', 'roadmap', ...records.map((r) => r.id)],
    scope: 'pack',
    // Named after the meeting it was built for: "Quarterly board pack — 15 Sep 2026".
    title: `${CADENCE_PACK_NAMES[input.meeting.cadence] ?? 'Meeting pack'} — ${dateLabel(input.meeting.startsAt)}`,
    workspaceName: input.workspaceName,
    meetingTitle: input.meeting.title,
    quarterLabel,
    startsAt: input.meeting.startsAt,
    endedAt: input.meeting.endedAt,
    fileStem: ['board-pack', slug(quarterLabel)].filter(Boolean).join('-'),
    summary,
    brief: input.brief ? { included: true, source: sourceOf(input.brief), ...briefSection(input.brief.projection, changes.brief?.ids ?? []) } : missing('pillar brief'),
    roadmap: input.roadmap ? { included: true, source: sourceOf(input.roadmap), ...roadmapSection(input.roadmap.projection, input.fyStartMonth, changes.roadmap?.ids ?? []) } : missing('roadmap'),
  }
}

function sourceOf(s: SourceVersion): SourceVersion {
  return { documentTitle: s.documentTitle, version: s.version }
}

function missing(what: string): Missing {
  return { included: false, note: `No ${what} was on this meeting's agenda, so this pack has none.` }
}

function summarySection(summary: NonNullable<BoardPackInput['summary']>): SummarySection {
  const blocks = summary.blocks ?? summaryBlocksFromText(summary.projection.body ?? '')
  // A leading top-level heading is the summary's own title: it names the section instead of repeating.
  const [first, ...rest] = blocks
  if (first?.type === 'heading' && first.level === 1) return { title: first.text, blocks: rest }
  return { title: 'Quarterly summary', blocks }
}

function briefSection(brief: BriefProjection, changedIds: string[]): BriefSection {
  const byPillar = new Map((brief.sections ?? []).map((s) => [s.pillar, s]))
  const tiles = PILLARS.map((pillar): PillarTile => {
    const s = byPillar.get(pillar)
    return {
      pillar,
      label: PILLAR_LABELS[pillar],
      status: s?.status ?? 'on-track',
      trend: s?.trend ?? 'steady',
      owner: s?.owner ?? '',
      reviewedOn: s?.reviewedOn ?? null,
      narrative: s?.narrative ?? '',
      changed: changedIds.includes(pillar),
    }
  })
  const counts: Record<BriefStatus, number> = { 'on-track': 0, watch: 0, 'at-risk': 0 }
  for (const t of tiles) counts[t.status]++
  return { tiles, counts }
}

function pillarRank(pillar: PillarKey | null): number {
  return pillar === null ? PILLARS.length : PILLARS.indexOf(pillar)
}

/** Saved projections are JSON from storage; a damaged number shows as nothing rather than NaN. */
const amount = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0)

function initiativeRow(i: InitiativeProjection, changedIds: string[] = []): InitiativeRow {
  const pillar = isPillarKey(i.pillar) ? i.pillar : null
  const scheduled = monthSpan(i.startMonth, i.endMonth).length > 0
  return {
    title: i.title || 'Untitled initiative',
    pillar,
    pillarLabel: pillar ? PILLAR_LABELS[pillar] : UNASSIGNED,
    status: i.status,
    period: scheduled ? periodLabel(i.startMonth as string, i.endMonth as string) : '',
    oneOffCost: amount(i.oneOffCost),
    runRateCost: amount(i.runRateCost),
    capacity: amount(i.capacity),
    risk: i.risk,
    riskNote: i.riskNote,
    owner: i.owner,
    counted: countsTowardTotals(i),
    changed: changedIds.includes(i.id),
  }
}

function roadmapSection(roadmap: RoadmapProjection, fyStartMonth: number | undefined, changedIds: string[]): RoadmapSection {
  const { windowStart } = roadmap
  // Grouped by pillar in the pillars' reading order; within a pillar, the roadmap's own order.
  const sorted = (roadmap.initiatives ?? [])
    .map((i, index) => ({ i, index, rank: pillarRank(isPillarKey(i.pillar) ? i.pillar : null) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ i }) => i)
  const totals = roadmapTotals(sorted, windowStart, fyStartMonth)
  const unassigned = roadmapTotals(sorted.filter((i) => !isPillarKey(i.pillar)), windowStart, fyStartMonth).grand

  // "Q1 2027 (Jan–Mar 2027)": the one quarter rule, with the months so a partial quarter reads as one.
  const quarters = totals.quarters.map((q) => ({
    ...q,
    label: `${q.quarter} (${periodLabel(q.months[0], q.months[q.months.length - 1])})`,
  }))
  const pillars: TotalsRow[] = PILLARS.map((p) => ({ ...totals.pillars[p], label: PILLAR_LABELS[p] }))
  if (unassigned.count > 0) pillars.push({ ...unassigned, label: UNASSIGNED })

  const lanes: TimelineLane[] = []
  let outsideWindow = 0
  for (const i of sorted) {
    if (!countsTowardTotals(i) || monthSpan(i.startMonth, i.endMonth).length === 0) continue
    const bar = barOffsets(windowStart, i.startMonth, i.endMonth)
    if (!bar) {
      outsideWindow++
      continue
    }
    const pillar = isPillarKey(i.pillar) ? i.pillar : null
    let lane = lanes.find((l) => l.pillar === pillar)
    if (!lane) lanes.push((lane = { pillar, label: pillar ? PILLAR_LABELS[pillar] : UNASSIGNED, bars: [] }))
    lane.bars.push({ ...bar, title: i.title || 'Untitled initiative', risk: i.risk, status: i.status })
  }

  return {
    currency: roadmap.currency,
    windowStart,
    windowLabel: periodLabel(windowStart, windowEnd(windowStart)),
    months: windowMonths(windowStart),
    quarters,
    quarterNote: fiscalYearNote(fyStartMonth),
    pillars,
    grand: totals.grand,
    initiatives: sorted.map((i) => initiativeRow(i, changedIds)),
    lanes,
    highRisk: sorted.filter(isOpenHighRisk).map((i) => initiativeRow(i, changedIds)),
    unscheduled: totals.unscheduled,
    outsideWindow,
    cut: sorted.filter((i) => !countsTowardTotals(i)).length,
  }
}
