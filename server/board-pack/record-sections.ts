// The pack's record sections as plain tables (and the risk heat map): the risk log, vendor
// renewals inside their notice period, the decision queue with this meeting's outcomes and votes,
// the open action items and the attendance. Pure: saved projections and meeting rows in; both
// renderers draw the result the same way.
import type { ActionDto, MeetingDecisionDto } from '../../shared/api'
import type { DecisionProjection, DecisionsProjection } from '../../shared/documents/decisions'
import { heatMap, openHighRisks, riskScore } from '../../shared/documents/risk-figures'
import type { RisksProjection } from '../../shared/documents/risks'
import { daysToNotice, noticeDeadline, renewalFlag, sortByRenewal } from '../../shared/documents/vendor-renewals'
import type { VendorsProjection } from '../../shared/documents/vendors'
import { moneyFormatter } from '../../shared/format'
import type { ChangeMark } from './change-marks'
import { humanize, shortDay } from './format'
import type { SourceVersion } from './board-pack-model'

export interface PackColumn {
  header: string
  /** Share of the content width; a table's shares add up to 1. */
  share: number
  align?: 'left' | 'right'
}
export interface PackTable {
  heading: string | null
  columns: PackColumn[]
  /** `changed`: added or changed since the previous board (marked ▲ in the first cell's column). */
  rows: Array<{ cells: string[]; changed: boolean }>
  /** Shown instead of an empty table. */
  empty: string
}
export interface RecordSection {
  id: 'risks' | 'renewals' | 'decisions' | 'actions' | 'attendance'
  title: string
  /** The saved version it was built from; null for the meeting's own record (decisions taken, actions, attendance). */
  source: SourceVersion | null
  /** Why the section is empty or where it comes from. */
  note: string | null
  changes: ChangeMark | null
  /** counts[severity - 1][likelihood - 1] of active risks (risk log only). */
  heatMap: number[][] | null
  tables: PackTable[]
}

type Saved<P> = (SourceVersion & { projection: P }) | null
const dash = (s: string) => s.trim() || '—'
const isChanged = (marks: ChangeMark | null, id: string) => marks?.ids.includes(id) ?? false
const missing = (what: string) => `No ${what} was on this meeting's agenda, so this pack has none.`

export function riskLogSection(saved: Saved<RisksProjection>, changes: ChangeMark | null): RecordSection {
  if (!saved) return { id: 'risks', title: 'Risk log', source: null, note: missing('risk log'), changes: null, heatMap: null, tables: [] }
  const risks = saved.projection.risks ?? []
  const high = openHighRisks(risks)
  return {
    id: 'risks', title: 'Risk log', source: saved, note: null, changes, heatMap: heatMap(risks),
    tables: [{
      heading: 'High risks',
      columns: [{ header: 'Risk', share: 0.3 }, { header: 'Score', share: 0.1, align: 'right' }, { header: 'Status', share: 0.12 }, { header: 'Owner', share: 0.16 }, { header: 'Mitigation', share: 0.32 }],
      rows: high.map((r) => ({
        cells: [dash(r.title), `${riskScore(r) ?? '—'} (${r.severity ?? '?'}×${r.likelihood ?? '?'})`, humanize(r.status), dash(r.owner), dash(r.mitigation)],
        changed: isChanged(changes, r.id),
      })),
      empty: 'No open high risks.',
    }],
  }
}

/** Vendors whose notice deadline is within 90 days of the meeting's end (or passed in the last 30). */
export function renewalsSection(saved: Saved<VendorsProjection>, endedOn: string, changes: ChangeMark | null): RecordSection {
  if (!saved) return { id: 'renewals', title: 'Vendor renewals', source: null, note: missing('vendor register'), changes: null, heatMap: null, tables: [] }
  const money = moneyFormatter(saved.projection.currency || 'USD')
  const due = sortByRenewal((saved.projection.vendors ?? []).filter((v) => renewalFlag(v, endedOn)))
  return {
    id: 'renewals', title: 'Vendor renewals', source: saved, note: null, changes, heatMap: null,
    tables: [{
      heading: 'Inside their notice period',
      columns: [{ header: 'Vendor', share: 0.28 }, { header: 'Owner', share: 0.16 }, { header: 'Annual value', share: 0.16, align: 'right' }, { header: 'Renews', share: 0.14 }, { header: 'Notice by', share: 0.14 }, { header: 'Days', share: 0.12, align: 'right' }],
      rows: due.map((v) => ({
        cells: [dash(v.name), dash(v.owner), money(v.annualValue), shortDay(v.renewalDate), shortDay(noticeDeadline(v)), String(daysToNotice(v, endedOn) ?? '—')],
        changed: isChanged(changes, v.id),
      })),
      empty: 'No vendor is inside its notice period.',
    }],
  }
}

const voteLine = (d: MeetingDecisionDto) => d.votes.length === 0 ? '—' : d.votes.map((v) => `${v.name || 'Former member'} ${v.vote}`).join(', ')

export function decisionsSection(saved: Saved<DecisionsProjection>, taken: MeetingDecisionDto[], changes: ChangeMark | null): RecordSection {
  const open = (saved?.projection.decisions ?? []).filter((d: DecisionProjection) => d.status !== 'decided')
  return {
    id: 'decisions', title: 'Decision queue', source: saved, note: saved ? null : 'No decision queue was on the agenda: only the decisions taken are listed.',
    changes: saved ? changes : null, heatMap: null,
    tables: [
      {
        heading: 'Decided at this meeting',
        columns: [{ header: 'Item', share: 0.3 }, { header: 'Outcome', share: 0.12 }, { header: 'Rationale', share: 0.3 }, { header: 'Votes', share: 0.28 }],
        rows: taken.map((d) => ({
          cells: [d.question, d.outcome === 'deferred' && d.newDueDate ? `Deferred to ${shortDay(d.newDueDate)}` : humanize(d.outcome), dash(d.rationale), voteLine(d)],
          changed: false,
        })),
        empty: 'No decision was recorded at this meeting.',
      },
      ...(saved ? [{
        heading: 'Still open in the queue',
        columns: [{ header: 'Item', share: 0.46 }, { header: 'Owner', share: 0.2 }, { header: 'Due', share: 0.16 }, { header: 'Status', share: 0.18 }],
        rows: open.map((d) => ({ cells: [dash(d.question), dash(d.owner), shortDay(d.dueDate) || '—', humanize(d.status)], changed: isChanged(changes, d.id) })),
        empty: 'The queue has no open items.',
      }] : []),
    ],
  }
}

export function actionsSection(open: ActionDto[]): RecordSection {
  return {
    id: 'actions', title: 'Open action items', source: null, note: null, changes: null, heatMap: null,
    tables: [{
      heading: null,
      columns: [{ header: 'Action', share: 0.42 }, { header: 'Owner', share: 0.2 }, { header: 'Due', share: 0.14 }, { header: 'From', share: 0.24 }],
      rows: open.map((a) => ({ cells: [a.title, a.ownerName, shortDay(a.dueDate), a.meetingTitle], changed: false })),
      empty: 'No open action items.',
    }],
  }
}

export function attendanceSection(attendees: Array<{ name: string }>): RecordSection {
  return {
    id: 'attendance', title: 'Attendance', source: null, note: null, changes: null, heatMap: null,
    tables: [{
      heading: null,
      columns: [{ header: 'Present', share: 1 }],
      rows: attendees.map((a) => ({ cells: [a.name], changed: false })),
      empty: 'No attendance was recorded.',
    }],
  }
}
