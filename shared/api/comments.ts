// Discussion threads on a document: start, list, reply, edit, resolve or reopen, delete.
// Every member may comment (viewers included); see server/routes/comments.ts for who may do what.
import { z } from 'zod'
import { COMMENT_MAX_CHARS, TEXT_QUOTE_MAX_CHARS } from '../comment-limits'
import { Id, Timestamp } from './common'

/** 1–10,000 characters, stored exactly as sent (HTML included: pages render it as text). */
export const CommentText = z.string()
  .max(COMMENT_MAX_CHARS, `must be at most ${COMMENT_MAX_CHARS.toLocaleString('en')} characters`)
  .refine((s) => s.trim().length > 0, 'must not be empty')

const RecordId = z.string().min(1).max(200)
/** An encoded Yjs relative position (Y.encodeRelativePosition), base64. */
const RelativePosition = z.string().min(1).max(1_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')

export const CommentAnchor = z.discriminatedUnion('type', [
  z.object({ type: z.literal('document') }),
  z.object({ type: z.literal('record'), recordId: RecordId }),
  z.object({
    type: z.literal('text'), recordId: RecordId.optional(), field: z.string().min(1).max(100).optional(), start: RelativePosition, end: RelativePosition,
    /** The words as they read when the thread was started: shown with the thread, also once the text is gone. */
    quote: z.string().max(TEXT_QUOTE_MAX_CHARS).optional(),
  }),
], { message: 'anchor must be {type:"document"}, {type:"record", recordId} or {type:"text", start, end}' }).meta({ id: 'CommentAnchor' })
export type CommentAnchor = z.infer<typeof CommentAnchor>

const Person = z.object({ id: z.string(), name: z.string() })

export const CommentReplyDto = z.object({
  id: z.string(),
  commentId: z.string(),
  body: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
}).meta({ id: 'CommentReply' })
export type CommentReplyDto = z.infer<typeof CommentReplyDto>

export const CommentDto = z.object({
  id: z.string(),
  documentId: z.string(),
  body: z.string(),
  anchor: CommentAnchor,
  authorId: z.string(),
  authorName: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  resolved: z.boolean(),
  resolvedBy: Person.nullable(),
  resolvedAt: Timestamp.nullable(),
  /** Oldest first. */
  replies: z.array(CommentReplyDto),
}).meta({ id: 'Comment' })
export type CommentDto = z.infer<typeof CommentDto>

export const CommentParams = z.object({ commentId: Id })
/** User ids of members of the document's workspace to notify; anyone else → 400. */
export const Mentions = z.array(Id).max(50, 'at most 50 mentions').optional()
export const CreateCommentBody = z.object({ body: CommentText, anchor: CommentAnchor, mentions: Mentions })
export const CreateReplyBody = z.object({ body: CommentText, mentions: Mentions })
export const PatchCommentBody = z.object({ body: CommentText.optional(), resolved: z.boolean().optional() })
  .refine((p) => p.body !== undefined || p.resolved !== undefined, 'send body, resolved or both')

export const CommentResponse = z.object({ comment: CommentDto })
export const CommentListResponse = z.object({ comments: z.array(CommentDto) })
export const ReplyResponse = z.object({ reply: CommentReplyDto })
