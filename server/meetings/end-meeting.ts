// Ending a meeting saves a version of every agenda document and of the notes in one transaction
// (one batch). The meeting's ended_at is set in the same batch, and each version row is inserted
// only if this batch is the one that ended the meeting, so a second "end" (or two at once, in any
// process) saves nothing.
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { AppDeps } from '../app-deps'
import { documents, meetingAttendees, meetingDocuments, meetings, memberships, versions } from '../db/schema'
import { liveSnapshot } from '../documents/live-document'
import { fiscalYearStartOf } from '../documents/workspace-settings'
import { insertedVersions, versionInserts, type NewVersion, type VersionSummary } from '../versions/version-store'
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
  const items: NewVersion[] = []
  for (const document of [...agenda, ...(notes ? [notes] : [])]) {
    const { state, projectionJson } = await liveSnapshot(deps, document)
    items.push({ documentId: document.id, meetingId: meeting.id, label, authorId, state, projectionJson })
  }
  const t = deps.now()
  const end = deps.db.update(meetings).set({ endedAt: t, startedAt: sql`coalesce(${meetings.startedAt}, ${t})` })
    .where(sql`${meetings.id} = ${meeting.id} AND ${meetings.endedAt} IS NULL`).returning({ id: meetings.id })
  // Inserted only by the batch that set ended_at (an end at the same millisecond finds its versions there).
  const endedHere = (item: NewVersion) => sql`(SELECT ended_at FROM ${meetings} WHERE id = ${meeting.id}) = ${t}
    AND NOT EXISTS (SELECT 1 FROM ${versions} WHERE meeting_id = ${meeting.id} AND document_id = ${item.documentId})`
  const [ended, ...inserted] = await deps.db.batch([end, ...versionInserts(deps.db, items, t, endedHere)] as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  if ((ended as unknown[]).length === 0) return { alreadyEnded: true, versions: await deps.versions.forMeeting(meeting.id) }
  await recordAttendance(deps, meeting)
  return { alreadyEnded: false, versions: insertedVersions(inserted) }
}
