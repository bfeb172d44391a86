// Scheduling a meeting: its own notes document, the meeting row, its agenda and invitees, in one
// batch. The route and the next meeting of a series both schedule through here.
import type { Cadence } from '../../shared/cadences'
import type { Recurrence } from '../../shared/recurrence'
import type { AppDeps } from '../app-deps'
import { meetingAttendees, meetingDocuments, meetings } from '../db/schema'
import { newId } from '../ids'
import { createDocument } from '../routes/documents'
import type { Meeting } from './end-meeting'

export interface NewMeeting {
  workspaceId: string
  cadence: Cadence
  title: string
  startsAt: number
  agenda: string[]
  attendeeIds: string[]
  recurrence: Recurrence | null
  /** The series it continues; a new series (recurrence set) starts with this meeting's own id. */
  seriesId?: string | null
  createdBy: string
}

export async function scheduleMeeting(deps: AppDeps, input: NewMeeting): Promise<Meeting> {
  const notes = await createDocument(deps, input.workspaceId, 'notes', `${input.title} — notes`)
  const id = newId()
  const meeting: Meeting = {
    id, workspaceId: input.workspaceId, cadence: input.cadence, title: input.title, startsAt: input.startsAt,
    startedAt: null, endedAt: null, notesDocumentId: notes.id, createdBy: input.createdBy, createdAt: deps.now(),
    minutesVersion: null, minutesApprovedBy: null, minutesApprovedAt: null,
    recurrence: input.recurrence, seriesId: input.recurrence === null ? null : (input.seriesId ?? id),
  }
  await deps.db.batch([
    deps.db.insert(meetings).values(meeting),
    ...agendaInserts(deps, meeting.id, input.agenda),
    ...attendeeInserts(deps, meeting.id, input.attendeeIds),
  ])
  return meeting
}

export function agendaInserts(deps: AppDeps, meetingId: string, agenda: string[]) {
  return [...new Set(agenda)].map((documentId, position) => deps.db.insert(meetingDocuments).values({ meetingId, documentId, position }))
}

export function attendeeInserts(deps: AppDeps, meetingId: string, attendeeIds: string[]) {
  return [...new Set(attendeeIds)].map((userId) => deps.db.insert(meetingAttendees).values({ meetingId, userId }))
}
