// Approving the minutes: the notes version saved when the meeting ended becomes the approved
// minutes, with who approved them and when. Versions are never changed, so later edits to the
// notes leave the approved minutes as they were. Approving again changes nothing.
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { AppDeps } from '../app-deps'
import { meetings, versions } from '../db/schema'
import { auditInsert } from '../audit/audit-log'
import { conflict } from '../http/errors'
import type { Meeting } from './end-meeting'

export async function approveMinutes(deps: AppDeps, meeting: Meeting, userId: string): Promise<Meeting> {
  if (meeting.endedAt === null) throw conflict('the meeting has not ended; its minutes are the notes saved at its end')
  if (meeting.minutesVersion !== null) return meeting
  const [saved] = await deps.db.select({ version: versions.version }).from(versions)
    .where(and(eq(versions.meetingId, meeting.id), eq(versions.documentId, meeting.notesDocumentId))).limit(1)
  if (!saved) throw conflict('no notes version was saved when this meeting ended')
  // Only the first approval writes, and is recorded (two at once: the second finds minutes_version set and keeps it).
  const t = deps.now()
  await deps.db.batch([
    auditInsert(deps.db, { workspaceId: meeting.workspaceId, actorId: userId, action: 'minutes-approved', target: { type: 'meeting', id: meeting.id }, detail: `${meeting.title}: notes v${saved.version}` },
      t, { onlyIf: sql`(SELECT minutes_version FROM ${meetings} WHERE id = ${meeting.id}) IS NULL` }),
    deps.db.update(meetings).set({ minutesVersion: saved.version, minutesApprovedBy: userId, minutesApprovedAt: t })
      .where(and(eq(meetings.id, meeting.id), isNull(meetings.minutesVersion))),
  ])
  const [fresh] = await deps.db.select().from(meetings).where(eq(meetings.id, meeting.id))
  return fresh
}
