// The notification inbox: mentions, replies to your threads, new threads on documents you follow.
import { z } from 'zod'
import { Id, Timestamp } from './common'

export const NOTIFICATION_KINDS = ['mention', 'reply', 'new_thread'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const NotificationDto = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  read: z.boolean(),
  createdAt: Timestamp,
  workspaceId: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  commentId: z.string(),
  actorId: z.string(),
  actorName: z.string(),
}).meta({ id: 'Notification' })
export type NotificationDto = z.infer<typeof NotificationDto>

export const NotificationListResponse = z.object({
  /** Newest first, at most 50. */
  notifications: z.array(NotificationDto),
  unread: z.number().int(),
})
export const MarkReadBody = z.object({ ids: z.array(Id).max(500).optional() })
export const OkResponse = z.object({ ok: z.literal(true) })
export const FollowResponse = z.object({ following: z.boolean() })
