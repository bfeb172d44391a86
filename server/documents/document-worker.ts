// Runs in a worker thread (see document-work.ts): the document work whose cost grows with the size
// of a document — projecting it, comparing two versions, building a restore — so that a very large
// or hostile document slows only the request that asked for it, never the rooms of everyone else.
// Every input and output is bytes or a JSON string: they cross the thread boundary as one copy,
// and the main thread never parses or serialises a large projection itself. A saved version's row
// is written here too, on this thread's own connection: writing megabytes into SQLite is
// synchronous in @libsql/client for a file, and took the event loop 0.2–0.5 s for a large document.
import type { BatchItem } from 'drizzle-orm/batch'
import type { Client } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { workerData } from 'piscina'
import * as Y from 'yjs'
import type { DocumentKind } from '../../shared/document-kinds'
import { compareProjections, projectDocument } from '../../shared/documents'
import { auditInsert, newestVersionDetail, type AuditEntry } from '../audit/audit-log'
import { connect } from '../db/client'
import { meetingEndBatch } from '../meetings/meeting-end-batch'
import * as schema from '../db/schema'
import { recordTexts } from '../search/record-texts'
import { indexDocument, type IndexedDocument } from '../search/search-index'
import { DocumentStore } from '../storage/document-store'
import { documentRoots } from '../versions/document-roots'
import { buildRestoreUpdate, type RestoreChange } from '../versions/restore'
import { insertedVersions, versionInserts, type NewVersion, type VersionSummary } from '../versions/version-store'

/** The database the worker writes versions to (the server's own, given at the pool's start). */
export interface WorkerDatabase { url: string; synchronous: 'FULL' | 'NORMAL' }

/** One side of a comparison: a saved version's stored projection, or a document as committed (read here). */
export type CompareSide = { projectionJson: string } | { committed: string }

function withDoc<T>(state: Uint8Array, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return read(doc)
  } finally {
    doc.destroy()
  }
}

const projectionOf = async (kind: DocumentKind, side: CompareSide): Promise<unknown> =>
  'committed' in side ? withDoc(await committedState(side.committed), (doc) => projectDocument(kind, doc)) : JSON.parse(side.projectionJson)

/** A document state as a version stores it: the state encoded once, and its projection as JSON. */
function snapshot(kind: DocumentKind, state: Uint8Array): Pick<NewVersion, 'state' | 'projectionJson'> {
  return withDoc(state, (doc) => ({ state: Y.encodeStateAsUpdate(doc), projectionJson: JSON.stringify(projectDocument(kind, doc)) }))
}

/** A document as committed, projected, as JSON (a document's PDF export draws it). */
export async function projection({ kind, documentId }: { kind: DocumentKind; documentId: string }): Promise<string> {
  return withDoc(await committedState(documentId), (doc) => JSON.stringify(projectDocument(kind, doc)))
}

/** The comparison of two sides, as JSON. */
export async function compare({ kind, from, to, fyStartMonth }: { kind: DocumentKind; from: CompareSide; to: CompareSide; fyStartMonth: number }): Promise<string> {
  return JSON.stringify(compareProjections(kind, await projectionOf(kind, from) as never, await projectionOf(kind, to) as never, { fyStartMonth }))
}

// One connection for the thread's life, opened on first use. Waiting for the write lock
// (busy_timeout) blocks only this thread, never the event loop.
let connection: Promise<{ client: Client; db: ReturnType<typeof drizzle<typeof schema>> }> | null = null
function database() {
  connection ??= (async () => {
    const { url, synchronous } = workerData as WorkerDatabase
    const { client } = await connect(url, url.startsWith('file:'), { synchronous, busyTimeoutMs: 5000 })
    return { client, db: drizzle(client, { schema }) }
  })()
  return connection
}

/** A document as committed: every row of its log, from whichever instance, merged without a Y.Doc. */
async function committedState(documentId: string): Promise<Uint8Array> {
  return (await committed(documentId)).state
}

/** The same, with the last log row it holds (every row up to it: the log read has no gaps). */
async function committed(documentId: string): Promise<{ state: Uint8Array; through: number }> {
  const stored = await new DocumentStore((await database()).db).load(documentId)
  return { state: Y.mergeUpdates([...(stored.state ? [stored.state] : []), ...stored.updates.map((u) => u.update)]), through: stored.maxSeq }
}

export interface SaveVersion {
  kind: DocumentKind
  version: Omit<NewVersion, 'projectionJson' | 'state'>
  createdAt: number
  /** The "version-saved" entry; " vN" is added to its detail. */
  audit: AuditEntry
}

/**
 * Saves the document as committed (every row of its log, from whichever instance) as its next
 * version: read, encoded, projected and inserted here, so the event loop never encodes the live doc.
 */
export async function saveVersion({ kind, version, createdAt, audit }: SaveVersion): Promise<VersionSummary> {
  const { db } = await database()
  const state = await committedState(version.documentId)
  const [insert] = versionInserts(db, [{ ...version, ...snapshot(kind, state) }], createdAt)
  // The audit row in the same batch, its detail ending with the number the insert just took.
  const audited = auditInsert(db, audit, createdAt, { detail: newestVersionDetail(audit.detail ?? '', version.documentId) })
  const [saved] = insertedVersions((await db.batch([insert, audited] as [BatchItem<'sqlite'>, BatchItem<'sqlite'>])).slice(0, 1))
  return saved
}

export interface MeetingEnd {
  meetingId: string
  /** The agenda documents and the notes, each saved as it is committed. */
  documents: { id: string; kind: DocumentKind }[]
  label: string
  authorId: string
  endedAt: number
  /** The "meeting-ended" entry, written only by the batch that ends the meeting. */
  audit: AuditEntry
}

/**
 * Ends a meeting: every document read as committed and projected here, then the one batch that
 * sets ended_at and inserts the versions (meeting-end-batch.ts). `ended` is false if the meeting
 * had already ended, and then nothing was saved.
 */
export async function endMeeting({ meetingId, documents, label, authorId, endedAt, audit }: MeetingEnd): Promise<{ ended: boolean; versions: VersionSummary[] }> {
  const { db } = await database()
  const items: NewVersion[] = []
  for (const { id, kind } of documents) items.push({ documentId: id, meetingId, label, authorId, ...snapshot(kind, await committedState(id)) })
  const [, ended, ...inserted] = await db.batch(meetingEndBatch(db, meetingId, items, endedAt, audit))
  return { ended: (ended as unknown[]).length > 0, versions: insertedVersions(inserted) }
}

export interface RestorePlan extends RestoreChange {
  /** The document as the restore leaves it, and its projection: the "Restored vN" version. */
  state: Uint8Array
  projectionJson: string
  /** The last log row the plan built on: every row up to it is in `state`. */
  through: number
}

/**
 * Plans a restore from the document as committed (read here: encoding a large live doc held the
 * event loop for tens of ms).
 */
export async function restore({ kind, documentId, version }: { kind: DocumentKind; documentId: string; version: Uint8Array }): Promise<RestorePlan> {
  const { state: live, through } = await committed(documentId)
  return { ...planRestore(kind, live, version), through }
}

/** The restore of `live` to `version` (bench/restore-apply.ts times what the room does with it). */
export function planRestore(kind: DocumentKind, live: Uint8Array, version: Uint8Array): Omit<RestorePlan, 'through'> {
  const change = buildRestoreUpdate(live, version, documentRoots(kind))
  const { update } = change
  return withDoc(update ? Y.mergeUpdates([live, update]) : live, (doc) => ({
    ...change, state: Y.encodeStateAsUpdate(doc), projectionJson: JSON.stringify(projectDocument(kind, doc)),
  }))
}

/**
 * Rewrites a document's search rows from the document as committed. Read, projected and written
 * here: thousands of FTS rows inserted on the event loop held it for most of a second.
 */
export async function reindex({ kind, doc }: { kind: DocumentKind; doc: IndexedDocument }): Promise<void> {
  const rows = withDoc(await committedState(doc.id), (d) => recordTexts(projectDocument(kind, d) as unknown as Record<string, unknown>))
  await indexDocument((await database()).client, doc, rows)
}
