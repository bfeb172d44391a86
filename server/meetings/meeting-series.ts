// A series: ending one of its meetings schedules the next, on the series' rhythm, with the same
// (standing) agenda and invitees. Its open action items carry to it like to any later meeting of the
// cadence (action-items.ts). Only the end that ended the meeting schedules, so the next is made once.
import { asc, eq } from 'drizzle-orm'
import { nextStart } from '../../shared/recurrence'
import type { AppDeps } from '../app-deps'
import { meetingDocuments } from '../db/schema'
import type { Meeting } from './end-meeting'
import { scheduleMeeting } from './schedule-meeting'

export async function scheduleNextInSeries(deps: AppDeps, ended: Meeting, invitees: string[], userId: string): Promise<Meeting | null> {
  if (ended.recurrence === null) return null
  const agenda = await deps.db.select({ documentId: meetingDocuments.documentId }).from(meetingDocuments)
    .where(eq(meetingDocuments.meetingId, ended.id)).orderBy(asc(meetingDocuments.position))
  return scheduleMeeting(deps, {
    workspaceId: ended.workspaceId, cadence: ended.cadence, title: ended.title, startsAt: nextStart(ended.startsAt, ended.recurrence),
    agenda: agenda.map((a) => a.documentId), attendeeIds: invitees, recurrence: ended.recurrence, seriesId: ended.seriesId, createdBy: userId,
  })
}
