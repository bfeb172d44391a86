// Ending a meeting saves a version of every agenda document and of the notes in one transaction.
// The meeting's ended_at is set in the same transaction, so a second "end" (or two at once) saves nothing.
import { asc, eq } from 'drizzle-orm'
import type { AppDeps } from '../app-deps'
import { documents, meetingDocuments, meetings } from '../db/schema'
import { liveSnapshot } from '../documents/live-document'
import { fiscalYearStartOf } from '../documents/workspace-settings'
import { insertVersions, type NewVersion, type VersionSummary } from '../versions/version-store'
import { versionLabelForMeeting } from './meeting-labels'

export type Meeting = typeof meetings.$inferSelect

export async function meetingDocumentRows(deps: AppDeps, meeting: Meeting) {
  const agenda = await deps.db.select({ document: documents }).from(meetingDocuments)
    .innerJoin(documents, eq(documents.id, meetingDocuments.documentId))
    .where(eq(meetingDocuments.meetingId, meeting.id)).orderBy(asc(meetingDocuments.position))
  const [notes] = await deps.db.select().from(documents).where(eq(documents.id, meeting.notesDocumentId))
  return { agenda: agenda.map((a) => a.document), notes }
}

export async function endMeeting(deps: AppDeps, meeting: Meeting, authorId: string): Promise<{ alreadyEnded: boolean; versions: VersionSummary[] }> {
  if (meeting.endedAt !== null) return { alreadyEnded: true, versions: await deps.versions.forMeeting(meeting.id) }
  const { agenda, notes } = await meetingDocumentRows(deps, meeting)
  const label = versionLabelForMeeting(meeting.cadence, meeting.startsAt, await fiscalYearStartOf(deps, meeting.workspaceId))
  const items: NewVersion[] = []
  for (const document of [...agenda, ...(notes ? [notes] : [])]) {
    const { state, projection } = await liveSnapshot(deps, document)
    items.push({ documentId: document.id, meetingId: meeting.id, label, authorId, state, projection })
  }
  const t = deps.now()
  const tx = await deps.client.transaction('write')
  try {
    const res = await tx.execute({
      sql: 'UPDATE meetings SET ended_at = ?, started_at = coalesce(started_at, ?) WHERE id = ? AND ended_at IS NULL',
      args: [t, t, meeting.id],
    })
    if (res.rowsAffected === 0) {
      await tx.rollback()
      return { alreadyEnded: true, versions: await deps.versions.forMeeting(meeting.id) }
    }
    const versions = await insertVersions(tx, items, t)
    await tx.commit()
    return { alreadyEnded: false, versions }
  } catch (err) {
    await tx.rollback().catch(() => {})
    throw err
  } finally {
    tx.close()
  }
}
