// What a board pack is built from: the versions saved when the meeting ended, never the live documents.
// For each kind the first agenda document of that kind with a saved version is used.
import { and, asc, desc, eq, isNotNull, lt, ne } from 'drizzle-orm'
import * as Y from 'yjs'
import { projectDocument } from '../../shared/documents'
import type { ProjectionByKind } from '../../shared/documents'
import type { AppDeps } from '../app-deps'
import { dateLabel } from '../../shared/format/dates'
import { meetingAttendees, meetings, users, workspaces } from '../db/schema'
import { meetingActions } from '../meetings/action-items'
import { meetingDocumentRows, type Meeting } from '../meetings/end-meeting'
import { decisionsOfMeeting } from '../meetings/record-decision'
import type { BoardPackInput } from './board-pack-model'
import { summaryBlocksFromState } from './summary-blocks'

type PackKind = 'summary' | 'brief' | 'roadmap' | 'risks' | 'vendors' | 'decisions'

interface SavedDocument<K extends PackKind> {
  documentTitle: string
  version: number
  state: Uint8Array
  projection: ProjectionByKind[K]
}

/** The stored projection when it is one of this kind; otherwise projected again from the saved state. */
function projectionOf<K extends PackKind>(kind: K, stored: unknown, state: Uint8Array): ProjectionByKind[K] {
  if (typeof stored === 'object' && stored !== null && (stored as { kind?: unknown }).kind === kind) return stored as ProjectionByKind[K]
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return projectDocument(kind, doc)
  } finally {
    doc.destroy()
  }
}

/** For each kind, the first agenda document of that kind with a version saved at the meeting's end. */
async function savedDocuments(deps: AppDeps, meeting: Meeting) {
  const latest = new Map<string, number>()
  for (const v of await deps.versions.forMeeting(meeting.id)) latest.set(v.documentId, Math.max(v.version, latest.get(v.documentId) ?? 0))
  const { agenda } = await meetingDocumentRows(deps, meeting)
  return async function saved<K extends PackKind>(kind: K): Promise<SavedDocument<K> | null> {
    const document = agenda.find((d) => d.kind === kind && latest.has(d.id))
    if (!document) return null
    const version = latest.get(document.id) as number
    const row = await deps.versions.get(document.id, version)
    if (!row) return null
    return { documentTitle: document.title, version, state: row.state, projection: projectionOf(kind, JSON.parse(row.projectionJson), row.state) }
  }
}

const withoutState = <K extends PackKind>(d: SavedDocument<K> | null) => d && { documentTitle: d.documentTitle, version: d.version, projection: d.projection }

/** The board meeting of the workspace that ended last before this one began; its saved projections. */
async function previousBoard(deps: AppDeps, meeting: Meeting): Promise<BoardPackInput['previous']> {
  const [previous] = await deps.db.select().from(meetings).where(and(
    eq(meetings.workspaceId, meeting.workspaceId), eq(meetings.cadence, 'board'), ne(meetings.id, meeting.id),
    isNotNull(meetings.endedAt), lt(meetings.startsAt, meeting.startsAt),
  )).orderBy(desc(meetings.startsAt)).limit(1)
  if (!previous) return null
  const saved = await savedDocuments(deps, previous)
  const [summary, brief, roadmap, risks, vendors, decisions] = await Promise.all([
    saved('summary'), saved('brief'), saved('roadmap'), saved('risks'), saved('vendors'), saved('decisions'),
  ])
  const projections = {
    summary: summary?.projection, brief: brief?.projection, roadmap: roadmap?.projection,
    risks: risks?.projection, vendors: vendors?.projection, decisions: decisions?.projection,
  }
  return { label: `${previous.title}, ${dateLabel(previous.startsAt)}`, saved: Object.fromEntries(Object.entries(projections).filter(([, p]) => p)) }
}

export async function loadBoardPackInput(deps: AppDeps, meeting: Meeting & { endedAt: number }): Promise<BoardPackInput> {
  const [workspace] = await deps.db.select({ name: workspaces.name, fyStartMonth: workspaces.fiscalYearStartMonth }).from(workspaces).where(eq(workspaces.id, meeting.workspaceId))
  const saved = await savedDocuments(deps, meeting)
  const [summary, brief, roadmap, risks, vendors, decisions] = await Promise.all([
    saved('summary'), saved('brief'), saved('roadmap'), saved('risks'), saved('vendors'), saved('decisions'),
  ])
  const { actions, carried } = await meetingActions(deps, meeting)
  const attendees = await deps.db.select({ name: users.name }).from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId)).where(eq(meetingAttendees.meetingId, meeting.id)).orderBy(asc(users.name))
  return {
    workspaceName: workspace?.name ?? '',
    fyStartMonth: workspace?.fyStartMonth,
    meeting: { title: meeting.title, cadence: meeting.cadence, startsAt: meeting.startsAt, endedAt: meeting.endedAt },
    summary: summary && {
      documentTitle: summary.documentTitle, version: summary.version, projection: summary.projection,
      blocks: summaryBlocksFromState(summary.state),
    },
    brief: withoutState(brief),
    roadmap: withoutState(roadmap),
    risks: withoutState(risks),
    vendors: withoutState(vendors),
    decisions: withoutState(decisions),
    taken: await decisionsOfMeeting(deps, meeting.id),
    openActions: [...carried, ...actions.filter((a) => a.status === 'open')],
    attendees,
    previous: await previousBoard(deps, meeting),
  }
}
