// The workspace search index: an FTS5 table (drizzle/0007_search_index.sql) of one row per
// (document, record) and per comment or reply. Documents are rewritten whole (delete + insert in
// one transaction, so any instance may do it and the last one wins); comments row by row.
import type { Client, InStatement } from '@libsql/client'
import type { SearchResultDto } from '../../shared/api'
import type { DocumentKind } from '../../shared/document-kinds'
import type { RecordText } from './record-texts'

const MAX_RESULTS = 30
// Control characters cannot come from a query's match, so they mark the highlights unambiguously.
const OPEN = '\u0002'
const CLOSE = '\u0003'

/**
 * Rewrites a document's own rows: one for the document as a whole (its title, and its text outside
 * records) and one per record.
 */
export async function indexDocument(client: Client, doc: { id: string; workspaceId: string; title: string }, rows: readonly RecordText[]): Promise<void> {
  const whole = rows.find((r) => r.recordId === null)
  const statements: InStatement[] = [
    { sql: "DELETE FROM search_index WHERE document_id = ? AND source = 'document'", args: [doc.id] },
    insert(doc.workspaceId, doc.id, null, 'document', doc.id, doc.title, whole?.body ?? ''),
    ...rows.filter((r) => r.recordId !== null).map((r) => insert(doc.workspaceId, doc.id, r.recordId, 'document', doc.id, r.recordTitle, r.body)),
  ]
  await client.batch(statements, 'write')
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
