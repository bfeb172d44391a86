// Discussion threads on a document. Every member may read, start threads and reply (viewers
// included: comments are not part of the Y.Doc). Authors edit and delete their own threads; authors,
// editors and owners resolve and reopen; owners delete any. An archived document's threads are
// read-only (409 on every change). Each change sends a "comments" notice to the document's sync
// connections (on every instance, through Redis when configured), which refetch the list (docs/api.md).
// New threads and replies notify the mentioned members, the thread's author and the document's followers.
import { createRoute } from '@hono/zod-openapi'
import {
  type CommentAnchor, CommentListResponse, CommentParams, CommentResponse, CreateCommentBody, CreateReplyBody, DocumentParams, PatchCommentBody, ReplyResponse,
} from '../../shared/api'
import { canDeleteComment, canReadWorkspace, canResolveComment, type Role } from '../../shared/roles'
import { encodeNotice } from '../../shared/sync-notices'
import type { AppDeps } from '../app-deps'
import {
  deleteComment, findCommentRow, getComment, insertComment, insertReply, listComments, updateComment, type CommentRow,
} from '../comments/comment-store'
import { requireDocumentRole, requireSession, type DocumentRow } from '../http/access'
import { conflict, forbidden, notFound } from '../http/errors'
import { apiRouter, errors, json, jsonBody } from '../http/openapi'
import { indexComment, unindexComments } from '../search/search-index'
import { checkMentions, notifyCommentEvent } from '../notifications/comment-notifications'

const tags = ['Comments']
const createComment = createRoute({
  method: 'post', path: '/{documentId}/comments', tags, summary: 'Start a thread on the document, a record or a range of text (every member)',
  request: { params: DocumentParams, body: jsonBody(CreateCommentBody) },
  responses: { 201: json(CommentResponse, 'The new thread'), ...errors(400, 401, 403, 404, 409) },
})
const listThreads = createRoute({
  method: 'get', path: '/{documentId}/comments', tags, summary: 'Every thread of the document with its replies, oldest first (every member)',
  request: { params: DocumentParams },
  responses: { 200: json(CommentListResponse, 'Threads'), ...errors(401, 403, 404) },
})
const reply = createRoute({
  method: 'post', path: '/{commentId}/replies', tags, summary: 'Reply to a thread (every member)',
  request: { params: CommentParams, body: jsonBody(CreateReplyBody) },
  responses: { 201: json(ReplyResponse, 'The new reply'), ...errors(400, 401, 403, 404, 409) },
})
const patchComment = createRoute({
  method: 'patch', path: '/{commentId}', tags, summary: 'Edit a thread\'s text (its author) and/or resolve or reopen it (its author, editors, owners)',
  request: { params: CommentParams, body: jsonBody(PatchCommentBody) },
  responses: { 200: json(CommentResponse, 'The thread as changed'), ...errors(400, 401, 403, 404, 409) },
})
const removeComment = createRoute({
  method: 'delete', path: '/{commentId}', tags, summary: 'Delete a thread and its replies (its author, or an owner)',
  request: { params: CommentParams },
  responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404, 409) },
})

export function documentCommentRoutes(deps: AppDeps) {
  return apiRouter().openapi(createComment, async (c) => {
    const { user } = requireSession(c)
    const { document } = await requireDocumentRole(deps.db, c.req.valid('param').documentId, user.id, canReadWorkspace)
    refuseArchived(document)
    const { body, anchor, mentions } = c.req.valid('json')
    const mentioned = await checkMentions(deps.db, document.workspaceId, mentions)
    const id = await insertComment(deps.db, { documentId: document.id, anchor, body, authorId: user.id }, deps.now())
    await indexComment(deps.client, { id, workspaceId: document.workspaceId, documentId: document.id, recordId: recordIdOf(anchor), body })
    tellConnections(deps, document.id, id)
    await notifyCommentEvent(deps.db, deps.inbox, { workspaceId: document.workspaceId, documentId: document.id, commentId: id, actorId: user.id, mentions: mentioned }, deps.now())
    return c.json({ comment: (await getComment(deps.db, id))! }, 201)
  }).openapi(listThreads, async (c) => {
    const { user } = requireSession(c)
    const { document } = await requireDocumentRole(deps.db, c.req.valid('param').documentId, user.id, canReadWorkspace)
    return c.json({ comments: await listComments(deps.db, document.id) }, 200)
  })
}

export function commentRoutes(deps: AppDeps) {
  /** The thread, its document and the caller's role: 404 for an unknown thread, 403 for a non-member. */
  async function threadAccess(commentId: string, userId: string): Promise<{ row: CommentRow; document: DocumentRow; role: Role }> {
    const row = await findCommentRow(deps.db, commentId)
    if (!row) throw notFound('comment not found')
    const { document, role } = await requireDocumentRole(deps.db, row.documentId, userId, canReadWorkspace)
    return { row, document, role }
  }

  return apiRouter().openapi(reply, async (c) => {
    const { user } = requireSession(c)
    const { row, document } = await threadAccess(c.req.valid('param').commentId, user.id)
    refuseArchived(document)
    const { body, mentions } = c.req.valid('json')
    const mentioned = await checkMentions(deps.db, document.workspaceId, mentions)
    const created = await insertReply(deps.db, { commentId: row.id, body, authorId: user.id, authorName: user.name }, deps.now())
    await indexComment(deps.client, { id: created.id, workspaceId: document.workspaceId, documentId: document.id, recordId: recordIdOf(JSON.parse(row.anchor) as CommentAnchor), body: created.body })
    tellConnections(deps, document.id, row.id)
    await notifyCommentEvent(deps.db, deps.inbox, {
      workspaceId: document.workspaceId, documentId: document.id, commentId: row.id, actorId: user.id, mentions: mentioned, threadAuthorId: row.authorId,
    }, deps.now())
    return c.json({ reply: created }, 201)
  }).openapi(patchComment, async (c) => {
    const { user } = requireSession(c)
    const { row, document, role } = await threadAccess(c.req.valid('param').commentId, user.id)
    refuseArchived(document)
    const patch = c.req.valid('json')
    const own = row.authorId === user.id
    if (patch.body !== undefined && !own) throw forbidden('only its author may edit a comment')
    if (patch.resolved !== undefined && !canResolveComment(role, own)) throw forbidden(`your role (${role}) may not resolve or reopen another person's thread`)
    // Resolving a resolved thread keeps who resolved it first.
    const resolved = patch.resolved === (row.resolvedAt !== null) ? undefined : patch.resolved
    await updateComment(deps.db, row.id, { body: patch.body, resolved }, user.id, deps.now())
    if (patch.body !== undefined) {
      await indexComment(deps.client, { id: row.id, workspaceId: document.workspaceId, documentId: document.id, recordId: recordIdOf(JSON.parse(row.anchor) as CommentAnchor), body: patch.body })
    }
    tellConnections(deps, document.id, row.id)
    return c.json({ comment: (await getComment(deps.db, row.id))! }, 200)
  }).openapi(removeComment, async (c) => {
    const { user } = requireSession(c)
    const { row, document, role } = await threadAccess(c.req.valid('param').commentId, user.id)
    refuseArchived(document)
    if (!canDeleteComment(role, row.authorId === user.id)) throw forbidden('only its author or an owner may delete a thread')
    const replyIds = (await getComment(deps.db, row.id))?.replies.map((r) => r.id) ?? []
    await deleteComment(deps.db, row.id)
    await unindexComments(deps.client, [row.id, ...replyIds])
    tellConnections(deps, document.id, row.id)
    return c.body(null, 204)
  })
}

/** The record a thread is pinned to, if any: search results open the document there. */
const recordIdOf = (anchor: CommentAnchor): string | null => anchor.type === 'document' ? null : anchor.recordId ?? null

function refuseArchived(document: DocumentRow): void {
  if (document.archivedAt !== null) throw conflict('the document is archived: its comments are read-only')
}

/**
 * Pages with the document open refetch the threads: its connections here, and with several
 * instances those of the others through Redis. A document nobody has open is not loaded for this.
 */
function tellConnections(deps: AppDeps, documentId: string, commentId: string): void {
  const frame = encodeNotice({ type: 'comments', documentId, commentId })
  deps.rooms.loaded(documentId)?.broadcast(frame, null)
  deps.fanout?.notice(documentId, frame)
}
