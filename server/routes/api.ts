// Every JSON route under /api, in one typed router: its type is what the client's `hc` reads
// (client/src/api.ts), and its declarations are served as /api/openapi.json.
import { createRoute } from '@hono/zod-openapi'
import { HealthResponse } from '../../shared/api'
import type { AppDeps } from '../app-deps'
import { apiRouter, json } from '../http/openapi'
import { accountRoutes } from './account'
import { actionRoutes, meetingActionRoutes, workspaceActionRoutes } from './actions'
import { auditRoutes } from './audit'
import { authRoutes, meRoute } from './auth'
import { PdfRenderer } from '../board-pack/pdf-in-worker'
import { boardPackRoutes, documentExportRoutes } from './board-pack'
import { invitationRoutes, workspaceInvitationRoutes } from './invitations'
import { passwordResetRoutes } from './password-reset'
import { documentFollowRoutes, notificationRoutes } from './notifications'
import { commentRoutes, documentCommentRoutes } from './comments'
import { documentRoutes, workspaceDocumentRoutes } from './documents'
import { meetingRoutes, workspaceMeetingRoutes } from './meetings'
import { searchRoutes } from './search'
import { versionRoutes } from './versions'
import { workspaceRoutes } from './workspaces'

const health = createRoute({
  method: 'get', path: '/health', tags: ['Operations'], summary: 'Liveness, loaded documents, memory, commit and room counters, and documents refused as damaged',
  responses: { 200: json(HealthResponse, 'The server is up') },
})

export function apiRoutes(deps: AppDeps) {
  // Board packs and single-document exports share one renderer (one worker at a time, one timeout).
  const pdfs = new PdfRenderer()
  const api = apiRouter()
    .openapi(health, (c) => {
      // Tests that look for leaks start the server with --expose-gc; elsewhere this is a no-op.
      const gc = (globalThis as { gc?: () => void }).gc
      if (c.req.query('gc') === '1' && gc) gc()
      const { rss, heapUsed } = process.memoryUsage()
      return c.json({
        ok: true,
        loadedDocuments: deps.rooms.loadedCount,
        memory: { rssBytes: rss, heapUsedBytes: heapUsed },
        commits: { ...deps.commits.stats },
        rooms: { ...deps.rooms.stats },
        damagedDocuments: [...deps.rooms.damaged].map(([documentId, d]) => ({ documentId, ...d })),
        cluster: deps.fanout ? { instanceId: deps.fanout.instanceId, redis: deps.fanout.redisStatus, fanout: { ...deps.fanout.stats } } : null,
      }, 200)
    })
    .route('/auth', authRoutes(deps))
    .route('/auth', passwordResetRoutes(deps))
    .route('/me', meRoute(deps))
    .route('/me', accountRoutes(deps))
    .route('/workspaces', workspaceRoutes(deps))
    .route('/workspaces', workspaceInvitationRoutes(deps))
    .route('/invitations', invitationRoutes(deps))
    .route('/workspaces', workspaceDocumentRoutes(deps))
    .route('/workspaces', workspaceMeetingRoutes(deps))
    .route('/documents', documentRoutes(deps))
    .route('/documents', versionRoutes(deps))
    .route('/documents', documentCommentRoutes(deps))
    .route('/comments', commentRoutes(deps))
    .route('/documents', documentFollowRoutes(deps))
    .route('/notifications', notificationRoutes(deps))
    .route('/meetings', meetingRoutes(deps))
    .route('/meetings', boardPackRoutes(deps, pdfs))
    .route('/documents', documentExportRoutes(deps, pdfs))
    .route('/meetings', meetingActionRoutes(deps))
    .route('/workspaces', workspaceActionRoutes(deps))
    .route('/actions', actionRoutes(deps))
    .route('/workspaces', auditRoutes(deps))
    .route('/workspaces', searchRoutes(deps))
  api.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Quorum API',
      version: '1',
      description: 'JSON over HTTPS under /api, with the session cookie set by signup and login. Errors are {"error": message}. '
        + 'State-changing requests must carry the app\'s own Origin. Live sync is a WebSocket at /api/sync/{documentId}: see docs/api.md.',
    },
  })
  return api
}

/** The API's routes and their request and response types, for the client's `hc`. */
export type ApiRoutes = ReturnType<typeof apiRoutes>
