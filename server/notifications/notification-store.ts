// Notification rows and document follows. Reads join the recipient's current membership of the
// document's workspace, so a person who left a workspace no longer sees anything of it.
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { NotificationDto, NotificationKind } from '../../shared/api'
import type { Db } from '../db/client'
import { documentFollows, documents, memberships, notifications, users } from '../db/schema'
import { newId } from '../ids'

const LIST_LIMIT = 50

/** Of `userIds`, those who are members of the workspace. */
export async function membersAmong(db: Db, workspaceId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set()
  const rows = await db.select({ userId: memberships.userId }).from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, userIds)))
  return new Set(rows.map((r) => r.userId))
}

export async function insertNotifications(db: Db, rows: { userId: string; kind: NotificationKind; documentId: string; commentId: string; actorId: string }[], t: number): Promise<void> {
  if (rows.length === 0) return
  await db.insert(notifications).values(rows.map((r) => ({ ...r, id: newId(), createdAt: t })))
}

const visible = (userId: string) => and(eq(notifications.userId, userId), eq(memberships.userId, userId))

export async function listNotifications(db: Db, userId: string): Promise<NotificationDto[]> {
  const rows = await db.select({ n: notifications, actorName: users.name, workspaceId: documents.workspaceId, documentTitle: documents.title })
    .from(notifications)
    .innerJoin(documents, eq(documents.id, notifications.documentId))
    .innerJoin(memberships, and(eq(memberships.workspaceId, documents.workspaceId), eq(memberships.userId, userId)))
    .innerJoin(users, eq(users.id, notifications.actorId))
    .where(visible(userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(LIST_LIMIT)
  return rows.map(({ n, actorName, workspaceId, documentTitle }) => ({
    id: n.id, kind: n.kind, read: n.readAt !== null, createdAt: new Date(n.createdAt).toISOString(),
    workspaceId, documentId: n.documentId, documentTitle, commentId: n.commentId, actorId: n.actorId, actorName,
  }))
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications)
    .innerJoin(documents, eq(documents.id, notifications.documentId))
    .innerJoin(memberships, and(eq(memberships.workspaceId, documents.workspaceId), eq(memberships.userId, userId)))
    .where(and(visible(userId), isNull(notifications.readAt)))
  return row?.n ?? 0
}

/** Marks the given notifications of this person read (all of them if `ids` is absent). */
export async function markRead(db: Db, userId: string, ids: string[] | undefined, t: number): Promise<void> {
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt))
  await db.update(notifications).set({ readAt: t }).where(ids ? and(mine, inArray(notifications.id, ids)) : mine)
}

export async function follow(db: Db, documentId: string, userId: string, t: number): Promise<void> {
  await db.insert(documentFollows).values({ documentId, userId, createdAt: t }).onConflictDoNothing()
}

export async function unfollow(db: Db, documentId: string, userId: string): Promise<void> {
  await db.delete(documentFollows).where(and(eq(documentFollows.documentId, documentId), eq(documentFollows.userId, userId)))
}

export async function isFollowing(db: Db, documentId: string, userId: string): Promise<boolean> {
  const rows = await db.select({ u: documentFollows.userId }).from(documentFollows)
    .where(and(eq(documentFollows.documentId, documentId), eq(documentFollows.userId, userId))).limit(1)
  return rows.length > 0
}

export async function followersOf(db: Db, documentId: string): Promise<string[]> {
  const rows = await db.select({ userId: documentFollows.userId }).from(documentFollows).where(eq(documentFollows.documentId, documentId))
  return rows.map((r) => r.userId)
}
