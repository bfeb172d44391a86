// The demo workspace's meetings: last quarter's board update, ended, with the versions it saved
// (so history, compare and the "changed since the board" badges have something to show), and
// the next leadership meeting, scheduled, with the demo notes document as its notes.
import { addBusinessDays, addMonths, isWeekend, nextMonday, set } from 'date-fns'
import * as Y from 'yjs'
import type { DocumentKind } from '../../shared/document-kinds'
import { projectDocument } from '../../shared/documents'
import { BOARD_AGENDA_KINDS, demoBoardNotes, demoStateAtBoardMeeting } from '../../shared/documents/demo-history'
import { quarterLabelOf } from '../../shared/documents/summary'
import type { AppDeps } from '../app-deps'
import { meetings } from '../db/schema'
import { newId } from '../ids'
import { versionLabelForMeeting } from '../meetings/meeting-labels'
import { createDocument } from '../routes/documents'
import { agendaInserts, attendeeInserts } from '../meetings/schedule-meeting'
import type { NewVersion } from '../versions/version-store'

interface DemoWorkspace {
  workspaceId: string
  ownerId: string
  peopleIds: string[]
  /** Each demo document's id and live Y.Doc. */
  documents: Partial<Record<DocumentKind, { id: string; doc: Y.Doc }>>
}

const HOUR = 60 * 60_000

/** `hour` o'clock local time on `day`, moved to the Monday after if it falls on a weekend. */
const weekdayAt = (day: Date, hour: number) => set(isWeekend(day) ? nextMonday(day) : day, { hours: hour, minutes: 0, seconds: 0, milliseconds: 0 })

export async function seedDemoMeetings(deps: AppDeps, ws: DemoWorkspace): Promise<void> {
  const today = new Date(deps.now())
  await seedLastBoardMeeting(deps, ws, weekdayAt(addMonths(today, -3), 9))
  await seedNextLeadershipMeeting(deps, ws, weekdayAt(addBusinessDays(today, 1), 10))
}

async function seedLastBoardMeeting(deps: AppDeps, ws: DemoWorkspace, startsAt: Date): Promise<void> {
  const title = `${quarterLabelOf(startsAt)} board update`
  const notesDoc = demoBoardNotes()
  const notes = await createDocument(deps, ws.workspaceId, 'notes', `${title} — notes`, { state: Y.encodeStateAsUpdate(notesDoc) })
  const endedAt = startsAt.getTime() + 1.5 * HOUR
  const meeting = {
    id: newId(), workspaceId: ws.workspaceId, cadence: 'board' as const, title, startsAt: startsAt.getTime(),
    startedAt: startsAt.getTime(), endedAt, notesDocumentId: notes.id, createdBy: ws.ownerId, createdAt: startsAt.getTime() - 14 * 24 * HOUR,
  }
  const agenda = BOARD_AGENDA_KINDS.flatMap((kind) => (ws.documents[kind] ? [{ kind, ...ws.documents[kind]! }] : []))
  await deps.db.batch([
    deps.db.insert(meetings).values(meeting),
    ...agendaInserts(deps, meeting.id, agenda.map((a) => a.id)),
    ...attendeeInserts(deps, meeting.id, ws.peopleIds),
  ])
  const label = versionLabelForMeeting('board', meeting.startsAt)
  const items: NewVersion[] = agenda.map(({ kind, id, doc }) => {
    const then = demoStateAtBoardMeeting(kind, doc, startsAt, new Date(deps.now()))
    const item = { documentId: id, meetingId: meeting.id, label, authorId: ws.ownerId, state: Y.encodeStateAsUpdate(then), projectionJson: JSON.stringify(projectDocument(kind, then)) }
    then.destroy()
    return item
  })
  items.push({ documentId: notes.id, meetingId: meeting.id, label, authorId: ws.ownerId, state: Y.encodeStateAsUpdate(notesDoc), projectionJson: JSON.stringify(projectDocument('notes', notesDoc)) })
  notesDoc.destroy()
  await deps.versions.saveAt(items, endedAt)
}

async function seedNextLeadershipMeeting(deps: AppDeps, ws: DemoWorkspace, startsAt: Date): Promise<void> {
  const notes = ws.documents.notes
  if (!notes) return
  const meeting = {
    id: newId(), workspaceId: ws.workspaceId, cadence: 'leadership' as const, title: 'Monthly leadership meeting', startsAt: startsAt.getTime(),
    startedAt: null, endedAt: null, notesDocumentId: notes.id, createdBy: ws.ownerId, createdAt: deps.now(),
  }
  const agenda = (['brief', 'roadmap', 'vendors', 'decisions', 'risks'] as const).flatMap((k) => (ws.documents[k] ? [ws.documents[k]!.id] : []))
  await deps.db.batch([
    deps.db.insert(meetings).values(meeting),
    ...agendaInserts(deps, meeting.id, agenda),
    ...attendeeInserts(deps, meeting.id, ws.peopleIds),
  ])
}
