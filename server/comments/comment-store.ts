// Reading and writing threads and their replies, and turning rows into the API's objects.
import { asc, eq, inArray } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { CommentAnchor, CommentDto, CommentReplyDto } from '../../shared/api'
import type { Db } from '../db/client'
import { commentReplies, comments, users } from '../db/schema'
import { newId } from '../ids'

export type CommentRow = typeof comments.$inferSelect
const iso = (t: number) => new Date(t).toISOString()
const resolver = alias(users, 'resolver')

/** Threads of one document (or one thread), oldest first, with their replies. */
async function load(db: Db, where: ReturnType<typeof eq>): Promise<CommentDto[]> {
  const rows = await db.select({ c: comments, authorName: users.name, resolverName: resolver.name })
    .from(comments).innerJoin(users, eq(users.id, comments.authorId)).leftJoin(resolver, eq(resolver.id, comments.resolvedBy))
    .where(where).orderBy(asc(comments.createdAt), asc(comments.id))
  if (rows.length === 0) return []
  const replies = await db.select({ r: commentReplies, authorName: users.name })
    .from(commentReplies).innerJoin(users, eq(users.id, commentReplies.authorId))
    .where(inArray(commentReplies.commentId, rows.map((row) => row.c.id)))
    .orderBy(asc(commentReplies.createdAt), asc(commentReplies.id))
  const byThread = new Map<string, CommentReplyDto[]>()
  for (const { r, authorName } of replies) {
    const list = byThread.get(r.commentId) ?? []
    list.push(replyDto(r, authorName))
    byThread.set(r.commentId, list)
  }
  return rows.map(({ c, authorName, resolverName }) => ({
    id: c.id, documentId: c.documentId, body: c.body, anchor: JSON.parse(c.anchor) as CommentAnchor,
    authorId: c.authorId, authorName, createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt),
    resolved: c.resolvedAt !== null,
    resolvedBy: c.resolvedAt !== null && c.resolvedBy ? { id: c.resolvedBy, name: resolverName ?? '' } : null,
    resolvedAt: c.resolvedAt !== null ? iso(c.resolvedAt) : null,
    replies: byThread.get(c.id) ?? [],
  }))
}

function replyDto(r: typeof commentReplies.$inferSelect, authorName: string): CommentReplyDto {
  return { id: r.id, commentId: r.commentId, body: r.body, authorId: r.authorId, authorName, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) }
}

export const listComments = (db: Db, documentId: string) => load(db, eq(comments.documentId, documentId))

export async function getComment(db: Db, commentId: string): Promise<CommentDto | null> {
  return (await load(db, eq(comments.id, commentId)))[0] ?? null
}

export async function findCommentRow(db: Db, commentId: string): Promise<CommentRow | null> {
  const [row] = await db.select().from(comments).where(eq(comments.id, commentId)).limit(1)
  return row ?? null
}

export async function insertComment(db: Db, input: { documentId: string; anchor: CommentAnchor; body: string; authorId: string }, t: number): Promise<string> {
  const id = newId()
  await db.insert(comments).values({ id, documentId: input.documentId, anchor: JSON.stringify(input.anchor), body: input.body, authorId: input.authorId, createdAt: t, updatedAt: t })
  return id
}

export async function insertReply(db: Db, input: { commentId: string; body: string; authorId: string; authorName: string }, t: number): Promise<CommentReplyDto> {
  const row = { id: newId(), commentId: input.commentId, body: input.body, authorId: input.authorId, createdAt: t, updatedAt: t }
  await db.insert(commentReplies).values(row)
  return replyDto(row, input.authorName)
}

/** Applies an edit and/or a resolve; `resolved: false` reopens. */
export async function updateComment(db: Db, commentId: string, patch: { body?: string; resolved?: boolean }, userId: string, t: number): Promise<void> {
  const set: Partial<CommentRow> = {}
  if (patch.body !== undefined) Object.assign(set, { body: patch.body, updatedAt: t })
  if (patch.resolved === true) Object.assign(set, { resolvedAt: t, resolvedBy: userId })
  if (patch.resolved === false) Object.assign(set, { resolvedAt: null, resolvedBy: null })
  await db.update(comments).set(set).where(eq(comments.id, commentId))
}

/** The thread and its replies (cascade). */
export async function deleteComment(db: Db, commentId: string): Promise<void> {
  await db.delete(comments).where(eq(comments.id, commentId))
}
