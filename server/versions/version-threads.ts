// Which threads of a document were open and which resolved when a version was saved, and what
// changed between two versions. The record is a JSON column of the version row, filled by a
// subquery of the very INSERT that writes the row (see versionInserts), so every way of saving a
// version (a save, a restore, a meeting's end, on whichever connection) records it in the same
// statement, at the same moment, with no extra step for the caller.
import { eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { CommentAnchor, ThreadChangesDto, VersionThreadDto } from '../../shared/api'
import type { Db } from '../db/client'
import { comments, users } from '../db/schema'

export interface ThreadState { id: string; resolved: boolean }

const IDS_PER_QUERY = 500

/** SQL for the document's threads as of now, as the JSON stored in `versions.threads`. */
export function threadsNow(documentId: string): SQL {
  return sql`(SELECT json_group_array(json_object('id', id, 'resolved', json(CASE WHEN resolved_at IS NULL THEN 'false' ELSE 'true' END)))
    FROM (SELECT id, resolved_at FROM ${comments} WHERE document_id = ${documentId} ORDER BY created_at, id))`
}

/** The stored JSON read back; null: the version was saved before threads were recorded. */
export function parseThreadStates(json: string | null): ThreadState[] | null {
  if (json === null) return null
  const parsed = JSON.parse(json) as { id: string; resolved: boolean }[]
  return parsed.map((t) => ({ id: String(t.id), resolved: t.resolved === true }))
}

/** The live document's threads, read with the same SQL a save stores. */
export async function currentThreadStates(db: Db, documentId: string): Promise<ThreadState[]> {
  const row = await db.get<{ threads: string }>(sql`SELECT ${threadsNow(documentId)} AS threads`)
  return parseThreadStates(row.threads) ?? []
}

/** Threads resolved, newly opened and reopened from one side to the other (ids, in the order of `to`). */
export function threadChanges(from: readonly ThreadState[], to: readonly ThreadState[]): { resolved: ThreadState[]; opened: ThreadState[]; reopened: ThreadState[] } {
  const before = new Map(from.map((t) => [t.id, t.resolved]))
  return {
    resolved: to.filter((t) => t.resolved && before.get(t.id) !== true),
    opened: to.filter((t) => !t.resolved && !before.has(t.id)),
    reopened: to.filter((t) => !t.resolved && before.get(t.id) === true),
  }
}

/** The states with what each thread says now; a thread deleted since has null body, author and anchor. */
export async function describeThreads(db: Db, states: readonly ThreadState[]): Promise<VersionThreadDto[]> {
  const byId = new Map<string, { body: string; anchor: string; authorName: string }>()
  // In slices: a document may have more threads than SQLite takes bound values in one statement.
  for (let i = 0; i < states.length; i += IDS_PER_QUERY) {
    const rows = await db.select({ id: comments.id, body: comments.body, anchor: comments.anchor, authorName: users.name })
      .from(comments).innerJoin(users, eq(users.id, comments.authorId)).where(inArray(comments.id, states.slice(i, i + IDS_PER_QUERY).map((t) => t.id)))
    for (const r of rows) byId.set(r.id, r)
  }
  return states.map(({ id, resolved }) => {
    const row = byId.get(id)
    return { id, resolved, body: row?.body ?? null, authorName: row?.authorName ?? null, anchor: row ? JSON.parse(row.anchor) as CommentAnchor : null }
  })
}

export async function describeThreadChanges(db: Db, from: readonly ThreadState[], to: readonly ThreadState[]): Promise<ThreadChangesDto> {
  const changes = threadChanges(from, to)
  const all = new Map((await describeThreads(db, [...changes.resolved, ...changes.opened, ...changes.reopened])).map((d) => [d.id, d]))
  const pick = (list: ThreadState[]) => list.map((t) => all.get(t.id)!)
  return { resolved: pick(changes.resolved), opened: pick(changes.opened), reopened: pick(changes.reopened) }
}
