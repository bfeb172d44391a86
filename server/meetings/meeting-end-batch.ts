// The one transaction that ends a meeting: its audit row is written and its ended_at is set, and each version row is inserted
// only if this batch is the one that ended it, so a second "end" (or two at once, in any process)
// saves nothing. Run on the document worker's connection (document-worker.ts).
import { sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { auditInsert, type AuditEntry } from '../audit/audit-log'
import type { Db } from '../db/client'
import { meetings, versions } from '../db/schema'
import { versionInserts, type NewVersion } from '../versions/version-store'

/**
 * The statements, in order: the audit row (inserted only if the meeting has not ended yet), the
 * meeting's update (returning its id if it ended here), then one insert per version.
 */
export function meetingEndBatch(db: Db, meetingId: string, items: readonly NewVersion[], endedAt: number, audit: AuditEntry): [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] {
  const notEnded = sql`(SELECT ended_at FROM ${meetings} WHERE id = ${meetingId}) IS NULL`
  const end = db.update(meetings).set({ endedAt, startedAt: sql`coalesce(${meetings.startedAt}, ${endedAt})` })
    .where(sql`${meetings.id} = ${meetingId} AND ${meetings.endedAt} IS NULL`).returning({ id: meetings.id })
  // Inserted only by the batch that set ended_at (an end at the same millisecond finds its versions there).
  const endedHere = (item: NewVersion) => sql`(SELECT ended_at FROM ${meetings} WHERE id = ${meetingId}) = ${endedAt}
    AND NOT EXISTS (SELECT 1 FROM ${versions} WHERE meeting_id = ${meetingId} AND document_id = ${item.documentId})`
  return [auditInsert(db, audit, endedAt, { onlyIf: notEnded }), end, ...versionInserts(db, items, endedAt, endedHere)]
}
