// The workspace search index: an FTS5 table (drizzle/0007_search_index.sql) of one row per
// (document, record) and per comment or reply. A document's rows are brought up to date from its
// projection (the changed ones replaced; any instance may do it, and a duplicate row left by two
// at once is removed by the next); comments row by row.
import type { Client, InStatement } from '@libsql/client'
import type { SearchResultDto } from '../../shared/api'
import type { DocumentKind } from '../../shared/document-kinds'
import type { RecordText } from './record-texts'

const MAX_RESULTS = 30
/** Statements per write transaction when a document's rows are brought up to date (each holds the write lock a few ms). */
const STATEMENTS_PER_WRITE = 200
/** Longer than a busy commit's retry interval (BUSY_RETRY_MS in server/sync/tuning.ts). */
const PAUSE_BETWEEN_WRITES_MS = 10
// Control characters cannot come from a query's match, so they mark the highlights unambiguously.
const OPEN = '\u0002'
const CLOSE = '\u0003'

export interface IndexedDocument { id: string; workspaceId: string; title: string }

/**
 * Brings a document's own rows up to date: one for the document as a whole (its title, and its text
 * outside records) and one per record. Only rows whose text changed are deleted and inserted, a few
 * hundred statements per transaction: the first indexing of a 20,000-row document in one
 * transaction held the database's write lock, and with it every edit's commit, for 0.7 s.
 */
export async function indexDocument(client: Client, doc: IndexedDocument, rows: readonly RecordText[]): Promise<void> {
  const wanted = new Map<string, { recordId: string | null; title: string; body: string }>()
  wanted.set('', { recordId: null, title: doc.title, body: rows.find((r) => r.recordId === null)?.body ?? '' })
  for (const r of rows) if (r.recordId !== null) wanted.set(r.recordId, { recordId: r.recordId, title: r.recordTitle, body: r.body })
  const { rows: existing } = await client.execute({
    sql: "SELECT rowid, record_id, record_title, body FROM search_index WHERE document_id = ? AND source = 'document'", args: [doc.id],
  })
  const statements: InStatement[] = []
  for (const e of existing) {
    const key = (e.record_id as string | null) ?? ''
    const w = wanted.get(key)
    if (w && w.title === e.record_title && w.body === e.body) wanted.delete(key)
    else statements.push({ sql: 'DELETE FROM search_index WHERE rowid = ?', args: [e.rowid] })
  }
  for (const w of wanted.values()) statements.push(insert(doc.workspaceId, doc.id, w.recordId, 'document', doc.id, w.title, w.body))
  for (let i = 0; i < statements.length; i += STATEMENTS_PER_WRITE) {
    // A pause between transactions: without it the next one takes the lock again before a waiting commit's retry sees it free.
    if (i > 0) await new Promise((r) => setTimeout(r, PAUSE_BETWEEN_WRITES_MS))
    await client.batch(statements.slice(i, i + STATEMENTS_PER_WRITE), 'write')
  }
}

/** A renamed document: its whole-document row carries the new title. */
export async function renameInIndex(client: Client, documentId: string, title: string): Promise<void> {
  await client.execute({
    sql: "UPDATE search_index SET record_title = ? WHERE document_id = ? AND source = 'document' AND record_id IS NULL",
    args: [title, documentId],
  })
}

/** Adds or replaces the row of a comment or a reply. */
export async function indexComment(client: Client, c: { id: string; workspaceId: string; documentId: string; recordId: string | null; body: string }): Promise<void> {
  await client.batch([
    { sql: "DELETE FROM search_index WHERE source = 'comment' AND source_id = ?", args: [c.id] },
    insert(c.workspaceId, c.documentId, c.recordId, 'comment', c.id, '', c.body),
  ], 'write')
}

/** Removes the rows of comments and replies (a deleted thread). */
export async function unindexComments(client: Client, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  await client.execute({ sql: `DELETE FROM search_index WHERE source = 'comment' AND source_id IN (${ids.map(() => '?').join(',')})`, args: [...ids] })
}

function insert(workspaceId: string, documentId: string, recordId: string | null, source: 'document' | 'comment', sourceId: string, recordTitle: string, body: string): InStatement {
  return {
    sql: 'INSERT INTO search_index (workspace_id, document_id, record_id, source, source_id, record_title, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
    args: [workspaceId, documentId, recordId, source, sourceId, recordTitle, body],
  }
}

/**
 * The user's words as an FTS5 query: each word a quoted string (quotes doubled), so no input can
 * be read as FTS5 syntax (NEAR, *, column filters…); the last word also matches as a prefix.
 * Null when nothing searchable is left.
 */
export function toFtsQuery(q: string): string | null {
  const words = q.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w))
  if (words.length === 0) return null
  return words.map((w, i) => `"${w.replaceAll('"', '""')}"${i === words.length - 1 ? '*' : ''}`).join(' ')
}

/** Matches in one workspace's live (not archived) documents, best first. */
export async function searchWorkspace(client: Client, workspaceId: string, q: string): Promise<SearchResultDto[]> {
  const match = toFtsQuery(q)
  if (!match) return []
  const { rows } = await client.execute({
    sql: `SELECT s.document_id, s.record_id, s.source, s.record_title, d.kind, d.title,
            snippet(search_index, -1, char(2), char(3), '…', 12) AS snippet
          FROM search_index s JOIN documents d ON d.id = s.document_id
          WHERE search_index MATCH ? AND s.workspace_id = ? AND d.workspace_id = ? AND d.archived_at IS NULL
          ORDER BY rank LIMIT ${MAX_RESULTS}`,
    args: [match, workspaceId, workspaceId],
  })
  return rows.map((r) => {
    const recordId = r.record_id as string | null
    const recordTitle = r.record_title as string
    return {
      documentId: r.document_id as string,
      kind: r.kind as DocumentKind,
      title: r.title as string,
      ...(recordId ? { recordId } : {}),
      ...(recordId && recordTitle ? { recordTitle } : {}),
      source: r.source as 'document' | 'comment',
      ...highlighted(r.snippet as string),
    }
  })
}

/** Splits FTS5's marked snippet into plain text and the offsets of its highlights. */
export function highlighted(marked: string): { snippet: string; highlights: [number, number][] } {
  let snippet = ''
  const highlights: [number, number][] = []
  let start = -1
  for (const ch of marked) {
    if (ch === OPEN) start = snippet.length
    else if (ch === CLOSE) {
      if (start >= 0) highlights.push([start, snippet.length])
      start = -1
    } else snippet += ch
  }
  return { snippet, highlights }
}
