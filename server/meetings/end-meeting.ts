// Ending a meeting saves a version of every agenda document and of the notes in one transaction
// with the meeting's ended_at (meeting-end-batch.ts), so a second "end" saves nothing. The documents
// are read, encoded, projected and written on the document worker: for a very large agenda that
// work held every other room for hundreds of ms on the event loop.
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { AppDeps } from '../app-deps'
import { documents, meetingAttendees, meetingDocuments, meetings, memberships } from '../db/schema'
import { liveRoom } from '../documents/live-document'
import { fiscalYearStartOf } from '../documents/workspace-settings'
import type { VersionSummary } from '../versions/version-store'
import { versionLabelForMeeting } from './meeting-labels'

export type Meeting = typeof meetings.$inferSelect

export async function meetingDocumentRows(deps: AppDeps, meeting: Meeting) {
  const agenda = await deps.db.select({ document: documents }).from(meetingDocuments)
    .innerJoin(documents, eq(documents.id, meetingDocuments.documentId))
    .where(eq(meetingDocuments.meetingId, meeting.id)).orderBy(asc(meetingDocuments.position))
  const [notes] = await deps.db.select().from(documents).where(eq(documents.id, meeting.notesDocumentId))
  return { agenda: agenda.map((a) => a.document), notes }
}

/** Attendance: the members present in the meeting room (its notes) when it ended replace the invitees. */
async function recordAttendance(deps: AppDeps, meeting: Meeting) {
  const present = [...(deps.rooms.loaded(meeting.notesDocumentId)?.presentUserIds() ?? [])]
  const members = present.length === 0 ? [] : await deps.db.select({ userId: memberships.userId }).from(memberships)
    .where(and(eq(memberships.workspaceId, meeting.workspaceId), inArray(memberships.userId, present)))
  await deps.db.batch([
    deps.db.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, meeting.id)),
    ...members.map(({ userId }) => deps.db.insert(meetingAttendees).values({ meetingId: meeting.id, userId })),
  ])
}

export async function endMeeting(deps: AppDeps, meeting: Meeting, authorId: string): Promise<{ alreadyEnded: boolean; versions: VersionSummary[] }> {
  if (meeting.endedAt !== null) return { alreadyEnded: true, versions: await deps.versions.forMeeting(meeting.id) }
  const { agenda, notes } = await meetingDocumentRows(deps, meeting)
  const label = versionLabelForMeeting(meeting.cadence, meeting.startsAt, await fiscalYearStartOf(deps, meeting.workspaceId))
  const saved = [...agenda, ...(notes ? [notes] : [])]
  // Loaded here first: a damaged document answers 503 naming it. The worker then reads what is committed.
  for (const document of saved) await liveRoom(deps, document)
  const { ended, versions } = await deps.documentWork.endMeeting({
    meetingId: meeting.id, documents: saved.map((d) => ({ id: d.id, kind: d.kind })), label, authorId, endedAt: deps.now(),
    audit: { workspaceId: meeting.workspaceId, actorId: authorId, action: 'meeting-ended', target: { type: 'meeting', id: meeting.id }, detail: meeting.title },
  })
  if (!ended) return { alreadyEnded: true, versions: await deps.versions.forMeeting(meeting.id) }
  await recordAttendance(deps, meeting)
  return { alreadyEnded: false, versions }
}
