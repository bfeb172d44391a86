// The notification inbox and document follows. Every route needs a session; following needs
// membership of the document's workspace (any role). Live: GET /api/notifications/stream is a
// server-sent event stream that says `unread` with the count whenever this person's inbox changes.
import { createRoute } from '@hono/zod-openapi'
import { streamSSE } from 'hono/streaming'
import {
  DocumentParams, FollowResponse, MarkReadBody, NotificationListResponse, OkResponse,
} from '../../shared/api'
import { canReadWorkspace } from '../../shared/roles'
import type { AppDeps } from '../app-deps'
import { requireDocumentRole, requireSession } from '../http/access'
import { apiRouter, errors, json, jsonBody } from '../http/openapi'
import { follow, isFollowing, listNotifications, markRead, unfollow, unreadCount } from '../notifications/notification-store'

const tags = ['Notifications']
const list = createRoute({
  method: 'get', path: '/', tags, summary: 'Your newest 50 notifications (of workspaces you are still a member of) and the unread count',
  responses: { 200: json(NotificationListResponse, 'Notifications, newest first'), ...errors(401) },
})
const read = createRoute({
  method: 'post', path: '/read', tags, summary: 'Mark the given notifications read, or all of them without ids',
  request: { body: jsonBody(MarkReadBody) },
  responses: { 200: json(OkResponse, 'Marked'), ...errors(400, 401) },
})
const followRoute = (method: 'get' | 'post' | 'delete', summary: string) => createRoute({
  method, path: '/{documentId}/follow', tags, summary,
  request: { params: DocumentParams },
  responses: { 200: json(FollowResponse, 'Whether you follow the document now'), ...errors(401, 403, 404) },
})

/** Streams stay open this long at most; the browser's EventSource reconnects by itself. */
const STREAM_MAX_MS = 10 * 60_000
const KEEPALIVE_MS = 25_000

export function notificationRoutes(deps: AppDeps) {
  return apiRouter().openapi(list, async (c) => {
    const { user } = requireSession(c)
    const [notifications, unread] = await Promise.all([listNotifications(deps.db, user.id), unreadCount(deps.db, user.id)])
    return c.json({ notifications, unread }, 200)
  }).openapi(read, async (c) => {
    const { user } = requireSession(c)
    await markRead(deps.db, user.id, c.req.valid('json').ids, deps.now())
    deps.inbox.changed([user.id])
    return c.json({ ok: true as const }, 200)
  }).get('/stream', (c) => {
    const { user } = requireSession(c)
    return streamSSE(c, async (stream) => {
      let wake: () => void = () => {}
      let dirty = true
      const unsubscribe = deps.inbox.subscribe(user.id, () => { dirty = true; wake() })
      stream.onAbort(() => { unsubscribe(); wake() })
      const until = Date.now() + STREAM_MAX_MS
      try {
        while (!stream.aborted && Date.now() < until) {
          if (dirty) {
            dirty = false
            await stream.writeSSE({ event: 'unread', data: String(await unreadCount(deps.db, user.id)) })
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, KEEPALIVE_MS)
            wake = () => { clearTimeout(timer); resolve() }
          })
          if (!dirty && !stream.aborted) await stream.write(': keep-alive\n\n')
        }
      } finally {
        unsubscribe()
      }
    })
  })
}

export function documentFollowRoutes(deps: AppDeps) {
  const access = async (documentId: string, userId: string) => (await requireDocumentRole(deps.db, documentId, userId, canReadWorkspace)).document
  return apiRouter().openapi(followRoute('get', 'Whether you follow the document'), async (c) => {
    const { user } = requireSession(c)
    const document = await access(c.req.valid('param').documentId, user.id)
    return c.json({ following: await isFollowing(deps.db, document.id, user.id) }, 200)
  }).openapi(followRoute('post', 'Follow the document: hear of every new thread on it (every member)'), async (c) => {
    const { user } = requireSession(c)
    const document = await access(c.req.valid('param').documentId, user.id)
    await follow(deps.db, document.id, user.id, deps.now())
    return c.json({ following: true }, 200)
  }).openapi(followRoute('delete', 'Stop following the document'), async (c) => {
    const { user } = requireSession(c)
    const document = await access(c.req.valid('param').documentId, user.id)
    await unfollow(deps.db, document.id, user.id)
    return c.json({ following: false }, 200)
  })
}
