// Builds the Hono app from injected dependencies; server/index.ts only wires and listens.
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { getCookie } from 'hono/cookie'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { AppDeps, AppEnv } from './app-deps'
import { SESSION_COOKIE } from './auth/sessions'
import { jsonBodyLimit } from './http/body-limit'
import { HttpError } from './http/errors'
import { appSecurityHeaders } from './http/security-headers'
import { isSameOrigin } from './http/origin'
import { serveClient } from './http/static-client'
import { apiRoutes } from './routes/api'
import { syncRoutes } from './routes/sync'
import { isBusy } from './db/sqlite-errors'

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export function createApp(deps: AppDeps, opts: { clientDir?: string } = {}) {
  const app = new Hono<AppEnv>()

  app.onError(async (err, c) => {
    if (err instanceof HttpError) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v)
      return c.json({ error: err.message }, err.status)
    }
    // Hono's own: a malformed JSON body (400) or a body that is not JSON (415).
    if (err instanceof HTTPException && err.status < 500) return c.json({ error: err.message }, err.status)
    // The write lock held elsewhere past the wait (busy_timeout): nothing was written, try again.
    // The statement that failed stays in progress on the connection and would fail every later
    // write (isStatementLeftInProgress): a fresh connection does not carry it.
    if (isBusy(err)) {
      deps.log.warn({ err: err.message, path: c.req.path }, 'database busy')
      await deps.reopenDatabase().catch((e: Error) => deps.log.error({ err: e.message }, 'reopening the database failed'))
      return c.json({ error: 'the database is busy; try again shortly' }, 503, { 'Retry-After': '2' })
    }
    deps.log.error({ err: err.message, stack: err.stack, path: c.req.path }, 'unhandled error')
    return c.json({ error: 'internal error' }, 500)
  })

  app.use('*', appSecurityHeaders())

  // Before anything reads a body (the Origin check and the session lookup do not).
  app.use('/api/*', jsonBodyLimit())

  // Cross-site requests that change state are refused before anything else runs.
  app.use('/api/*', async (c, next) => {
    if (STATE_CHANGING.has(c.req.method) && !isSameOrigin(c.req.header('origin'), c.req.header('host'), deps.config.publicOrigins)) {
      return c.json({ error: 'cross-origin request refused' }, 403)
    }
    await next()
  })

  app.use('/api/*', async (c, next) => {
    c.set('session', await deps.sessions.validate(getCookie(c, SESSION_COOKIE)))
    await next()
  })

  app.route('/api/sync', syncRoutes(deps))
  app.route('/api', apiRoutes(deps))
  app.all('/api/*', (c) => c.json({ error: 'no such route' }, 404))

  const clientDir = opts.clientDir
  if (clientDir && existsSync(resolve(clientDir, 'index.html'))) {
    serveClient(app, clientDir)
  }
  return app
}
