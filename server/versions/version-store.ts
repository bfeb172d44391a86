// Versions are rows that are only ever inserted: number 1, 2, 3 … per document, never reused or
// changed. Numbers are allocated by the inserting statement itself (a subquery), and a save is one
// batch (one write transaction), so concurrent saves, in this process or another, cannot collide.
import type { Cadence } from '../../shared/cadences'
import { and, desc, eq, sql, type SQL } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../db/client'
import { meetings, users, versions } from '../db/schema'
import { parseThreadStates, threadsNow, type ThreadState } from './version-threads'

export interface NewVersion {
  documentId: string
  meetingId: string | null
  label: string
  authorId: string | null
  state: Uint8Array
  /** The projection as JSON (projected off the event loop, stored as is). */
  projectionJson: string
}

export interface VersionSummary {
  documentId: string
  version: number
  meetingId: string | null
  label: string
  authorId: string | null
  authorName: string | null
  createdAt: string
}

type VersionRow = typeof versions.$inferSelect
const iso = (ms: number) => new Date(ms).toISOString()
const summary = (r: Pick<VersionRow, 'documentId' | 'version' | 'meetingId' | 'label' | 'authorId' | 'createdAt'>, authorName: string | null = null): VersionSummary => ({
  documentId: r.documentId, version: r.version, meetingId: r.meetingId, label: r.label, authorId: r.authorId, authorName, createdAt: iso(r.createdAt),
})

/**
 * One INSERT … RETURNING per version, each numbered max + 1 by a subquery, to be run in one batch.
 * The same statement records the document's threads as they are at that moment (version-threads.ts).
 * `onlyIf`: a condition each row is inserted under (ending a meeting inserts only if it ended it).
 */
export function versionInserts(db: Db, items: readonly NewVersion[], createdAt: number, onlyIf?: (item: NewVersion) => SQL): BatchItem<'sqlite'>[] {
  return items.map((item) => {
    const values = sql`${item.documentId}, (SELECT coalesce(max(version), 0) + 1 FROM ${versions} WHERE document_id = ${item.documentId}),
      ${item.meetingId}, ${item.label}, ${item.authorId}, ${createdAt}, ${Buffer.from(item.state)}, ${item.projectionJson}, ${threadsNow(item.documentId)}`
    return db.run(sql`INSERT INTO ${versions} (document_id, version, meeting_id, label, author_id, created_at, state, projection, threads)
      SELECT ${values} WHERE ${onlyIf?.(item) ?? sql`1`}
      RETURNING document_id, version, meeting_id, label, author_id, created_at`)
  })
}

/** The summaries of the rows `versionInserts` returned, in the order of the items. */
export function insertedVersions(results: readonly unknown[]): VersionSummary[] {
  return results.flatMap((res) => (res as { rows: Record<string, unknown>[] }).rows.map((r) => ({
    documentId: String(r.document_id), version: Number(r.version), meetingId: r.meeting_id === null ? null : String(r.meeting_id),
    label: String(r.label), authorId: r.author_id === null ? null : String(r.author_id), authorName: null, createdAt: iso(Number(r.created_at)),
  })))
}

export class VersionStore {
  constructor(private db: Db) {}

  /** Saves versions with a given time (the demo seed's past meetings). */
  async saveAt(items: readonly NewVersion[], createdAt: number): Promise<VersionSummary[]> {
    const inserts = versionInserts(this.db, items, createdAt)
    if (inserts.length === 0) return []
    return insertedVersions(await this.db.batch(inserts as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]))
  }

  async list(documentId: string): Promise<(VersionSummary & { meetingTitle: string | null; meetingCadence: Cadence | null; meetingStartsAt: string | null })[]> {
    const rows = await this.db.select({
      documentId: versions.documentId, version: versions.version, meetingId: versions.meetingId, label: versions.label,
      authorId: versions.authorId, authorName: users.name, createdAt: versions.createdAt,
      meetingTitle: meetings.title, meetingCadence: meetings.cadence, meetingStartsAt: meetings.startsAt,
    }).from(versions).leftJoin(users, eq(users.id, versions.authorId)).leftJoin(meetings, eq(meetings.id, versions.meetingId))
      .where(eq(versions.documentId, documentId)).orderBy(desc(versions.version))
    return rows.map((r) => ({
      ...summary(r, r.authorName), meetingTitle: r.meetingTitle, meetingCadence: r.meetingCadence,
      meetingStartsAt: r.meetingStartsAt === null ? null : iso(r.meetingStartsAt),
    }))
  }

  /** `threads`: null on a version saved before threads were recorded. */
  async get(documentId: string, version: number): Promise<{ state: Uint8Array; projectionJson: string; threads: ThreadState[] | null; summary: VersionSummary } | null> {
    const [r] = await this.db.select({ v: versions, authorName: users.name }).from(versions).leftJoin(users, eq(users.id, versions.authorId))
      .where(and(eq(versions.documentId, documentId), eq(versions.version, version)))
    if (!r) return null
    return { state: new Uint8Array(r.v.state), projectionJson: r.v.projection, threads: parseThreadStates(r.v.threads), summary: summary(r.v, r.authorName) }
  }

  /** The threads a version recorded (null: saved before they were recorded; undefined: no such version), without its state. */
  async threads(documentId: string, version: number): Promise<ThreadState[] | null | undefined> {
    const [r] = await this.db.select({ threads: versions.threads }).from(versions)
      .where(and(eq(versions.documentId, documentId), eq(versions.version, version)))
    return r ? parseThreadStates(r.threads) : undefined
  }

  /** Versions saved when a meeting ended (for a second "end" and for the board pack). */
  async forMeeting(meetingId: string): Promise<VersionSummary[]> {
    const rows = await this.db.select({
      documentId: versions.documentId, version: versions.version, meetingId: versions.meetingId, label: versions.label,
      authorId: versions.authorId, createdAt: versions.createdAt,
    }).from(versions).where(eq(versions.meetingId, meetingId)).orderBy(versions.documentId)
    return rows.map((r) => summary(r))
  }
}
