// The signed-in person's own account: changing the password, seeing and ending their sessions.
import { eq } from 'drizzle-orm'
import { createRoute } from '@hono/zod-openapi'
import { ChangePasswordBody, ChangePasswordResponse, SessionListResponse, SessionParams } from '../../shared/api'
import type { AppDeps } from '../app-deps'
import { endSessions } from '../auth/end-sessions'
import { assertAcceptablePassword } from '../auth/password-policy'
import { hashPassword, verifyPassword } from '../auth/passwords'
import { users } from '../db/schema'
import { requireSession } from '../http/access'
import { clientAddress } from '../http/client-address'
import { HttpError, notFound } from '../http/errors'
import { apiRouter, errors, json, jsonBody } from '../http/openapi'
import { throttled } from '../http/throttled'
import { revokeAccess } from '../sync/revocation'

const tags = ['Accounts']
const changePassword = createRoute({
  method: 'post', path: '/password', tags, summary: 'Change the password; every other session of the person ends and its sync sockets close (4401)',
  description: 'A wrong current password counts as a failed login (throttled the same way).',
  request: { body: jsonBody(ChangePasswordBody) },
  responses: { 200: json(ChangePasswordResponse, 'Changed; this session stays'), ...errors(400, 401, 429) },
})

const listSessions = createRoute({
  method: 'get', path: '/sessions', tags, summary: "The person's sessions, most recently seen first",
  responses: { 200: json(SessionListResponse, 'Sessions; `current` marks this one'), ...errors(401) },
})
const endSession = createRoute({
  method: 'delete', path: '/sessions/{sessionId}', tags, summary: 'End one of your sessions; its sync sockets close (4401)',
  request: { params: SessionParams },
  responses: { 204: { description: 'Ended' }, ...errors(401, 404) },
})

const iso = (ms: number) => new Date(ms).toISOString()

export function accountRoutes(deps: AppDeps) {
  return apiRouter().openapi(changePassword, async (c) => {
    const session = requireSession(c)
    const body = c.req.valid('json')
    const address = clientAddress(c, deps.config.TRUST_PROXY)
    await throttled(deps.throttle, session.user.email, address)
    const [user] = await deps.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, session.user.id))
    if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
      await deps.throttle.recordFailure(session.user.email, address)
      throw new HttpError(400, 'currentPassword: not your current password')
    }
    assertAcceptablePassword(body.newPassword, 'newPassword')
    await deps.db.update(users).set({ passwordHash: await hashPassword(body.newPassword) }).where(eq(users.id, session.user.id))
    const endedSessions = await endSessions(deps, session.user.id, session.sessionId)
    return c.json({ endedSessions }, 200)
  }).openapi(listSessions, async (c) => {
    const session = requireSession(c)
    const rows = await deps.sessions.listForUser(session.user.id)
    return c.json({
      sessions: rows.map((r) => ({ id: r.id, createdAt: iso(r.createdAt), lastSeenAt: iso(r.lastVerifiedAt), userAgent: r.userAgent, current: r.id === session.sessionId })),
    }, 200)
  }).openapi(endSession, async (c) => {
    const session = requireSession(c)
    const { sessionId } = c.req.valid('param')
    if (!(await deps.sessions.invalidateOwn(session.user.id, sessionId))) throw notFound('no such session of yours')
    revokeAccess(deps, { kind: 'session', sessionId })
    return c.body(null, 204)
  })
}
