// Proposes a meeting's agenda from the workspace's state, with the reasons each document is on it:
// decisions due before the next meeting, vendor notice deadlines within 90 days, open high-severity
// risks and incidents, and pillars whose status changed since the last board meeting.
import { and, desc, eq, isNull } from 'drizzle-orm'
import { compareBrief } from '../../shared/documents/compare-brief'
import { addDays, asIsoDate } from '../../shared/documents/calendar'
import { project as projectBrief, type BriefProjection } from '../../shared/documents/brief'
import { readDecisions } from '../../shared/documents/decisions'
import { openHighRisks } from '../../shared/documents/risk-figures'
import { readRisks } from '../../shared/documents/risks'
import { derivedRenewalDecisions } from '../../shared/documents/vendor-renewals'
import { readVendors } from '../../shared/documents/vendors'
import type { AppDeps } from '../app-deps'
import { documents, meetings, versions } from '../db/schema'
import { liveRoom } from '../documents/live-document'
import type { DocumentRow } from '../http/access'
import type { Cadence } from '../../shared/cadences'

export interface AgendaItem { documentId: string; kind: DocumentRow['kind']; title: string; reasons: string[] }

/** Days until the next meeting of the same cadence: "due before the next meeting". */
const CADENCE_DAYS: Record<Cadence, number> = { weekly: 7, leadership: 14, 'roadmap-review': 31, board: 92, 'ad-hoc': 14 }
/** Documents proposed for a cadence even when nothing is flagged in them. */
const STANDING_ITEMS: Record<Cadence, DocumentRow['kind'][]> = {
  weekly: ['decisions'],
  leadership: ['brief', 'decisions', 'risks'],
  'roadmap-review': ['roadmap', 'vendors'],
  board: ['summary', 'brief', 'roadmap', 'risks'],
  'ad-hoc': [],
}
const ORDER: DocumentRow['kind'][] = ['summary', 'brief', 'roadmap', 'decisions', 'vendors', 'risks']
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

export async function proposeAgenda(deps: AppDeps, workspaceId: string, cadence: Cadence, meetingDate: Date): Promise<AgendaItem[]> {
  const docs = await deps.db.select().from(documents)
    .where(and(eq(documents.workspaceId, workspaceId), isNull(documents.archivedAt))).orderBy(desc(documents.updatedAt))
  const today = asIsoDate(meetingDate)
  const horizon = addDays(today, CADENCE_DAYS[cadence])
  const items: AgendaItem[] = []

  for (const document of docs) {
    if (!ORDER.includes(document.kind)) continue
    const room = await liveRoom(deps, document)
    const doc = room.doc
    const reasons: string[] = []
    if (document.kind === 'decisions') {
      const open = readDecisions(doc).decisions.filter((d) => d.status === 'open' && d.dueDate && d.dueDate <= horizon)
      const overdue = open.filter((d) => d.dueDate! < today).length
      if (open.length > 0) reasons.push(`${plural(open.length, 'decision')} due before the next meeting${overdue ? ` (${overdue} overdue)` : ''}`)
    } else if (document.kind === 'vendors') {
      const renewals = derivedRenewalDecisions(readVendors(doc).vendors, today)
      if (renewals.length > 0) {
        const names = renewals.slice(0, 3).map((r) => `${r.question.replace('Renew / renegotiate / replace ', '')} (notice by ${r.dueDate})`)
        reasons.push(`${plural(renewals.length, 'vendor notice deadline')} within 90 days: ${names.join(', ')}`)
      }
    } else if (document.kind === 'risks') {
      const high = openHighRisks(readRisks(doc).risks)
      const incidents = high.filter((r) => r.kind === 'incident').length
      if (high.length > 0) reasons.push(`${plural(high.length, 'open high-severity item')}${incidents ? ` (${plural(incidents, 'incident')})` : ''}`)
    } else if (document.kind === 'brief') {
      const baseline = await lastBoardBrief(deps, document.id)
      if (baseline) {
        const moved = compareBrief(baseline, projectBrief(room.doc)).pillars.filter((p) => p.status.before !== p.status.after)
        if (moved.length > 0) {
          reasons.push(`Status changed since the last board meeting: ${moved.map((p) => `${p.label} ${p.status.before ?? '—'} → ${p.status.after ?? '—'}`).join(', ')}`)
        }
      }
    }
    if (reasons.length === 0 && STANDING_ITEMS[cadence].includes(document.kind)) reasons.push(`Standing item for this cadence`)
    if (reasons.length > 0) items.push({ documentId: document.id, kind: document.kind, title: document.title, reasons })
  }
  // One document per kind is enough for a proposal: the most recently updated.
  const byKind = new Map<string, AgendaItem>()
  for (const item of items) if (!byKind.has(item.kind)) byKind.set(item.kind, item)
  return ORDER.flatMap((kind) => (byKind.has(kind) ? [byKind.get(kind)!] : []))
}

async function lastBoardBrief(deps: AppDeps, documentId: string): Promise<BriefProjection | null> {
  const [row] = await deps.db.select({ projection: versions.projection }).from(versions)
    .innerJoin(meetings, eq(meetings.id, versions.meetingId))
    .where(and(eq(versions.documentId, documentId), eq(meetings.cadence, 'board')))
    .orderBy(desc(versions.version)).limit(1)
  return row ? (JSON.parse(row.projection) as BriefProjection) : null
}
