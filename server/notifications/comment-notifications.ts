// Who hears of a new thread or a reply. One notification per person per event, never the actor:
// a mention outranks "reply to your thread", which outranks "new thread on a document you follow".
import type { NotificationKind } from '../../shared/api'
import type { Db } from '../db/client'
import { badRequest } from '../http/errors'
import { followersOf, insertNotifications, membersAmong } from './notification-store'
import type { InboxHub } from './inbox-hub'

/** 400 unless every mentioned id is a member of the workspace; the ids without repeats. */
export async function checkMentions(db: Db, workspaceId: string, mentions: string[] | undefined): Promise<string[]> {
  const ids = [...new Set(mentions ?? [])]
  const members = await membersAmong(db, workspaceId, ids)
  const outsider = ids.find((id) => !members.has(id))
  if (outsider !== undefined) throw badRequest(`mentions: ${outsider} is not a member of this workspace`)
  return ids
}

interface CommentEvent {
  workspaceId: string
  documentId: string
  commentId: string
  actorId: string
  mentions: string[]
  /** A reply: the thread's author. A new thread: undefined. */
  threadAuthorId?: string
}

export async function notifyCommentEvent(db: Db, hub: InboxHub, event: CommentEvent, t: number): Promise<void> {
  const kinds = new Map<string, NotificationKind>()
  const offer = (userId: string, kind: NotificationKind) => { if (!kinds.has(userId) && userId !== event.actorId) kinds.set(userId, kind) }
  for (const id of event.mentions) offer(id, 'mention')
  if (event.threadAuthorId !== undefined) offer(event.threadAuthorId, 'reply')
  else for (const id of await followersOf(db, event.documentId)) offer(id, 'new_thread')
  // A follower or thread author who has since left the workspace hears nothing.
  const members = await membersAmong(db, event.workspaceId, [...kinds.keys()])
  const rows = [...kinds].filter(([userId]) => members.has(userId))
    .map(([userId, kind]) => ({ userId, kind, documentId: event.documentId, commentId: event.commentId, actorId: event.actorId }))
  await insertNotifications(db, rows, t)
  hub.changed(rows.map((r) => r.userId))
}
