// The signed-in person's own account: changing the password.
import { eq } from 'drizzle-orm'
import { createRoute } from '@hono/zod-openapi'
import { ChangePasswordBody, ChangePasswordResponse } from '../../shared/api'
import type { AppDeps } from '../app-deps'
import { endSessions } from '../auth/end-sessions'
import { assertAcceptablePassword } from '../auth/password-policy'
import { hashPassword, verifyPassword } from '../auth/passwords'
import { users } from '../db/schema'
import { requireSession } from '../http/access'
import { clientAddress } from '../http/client-address'
import { HttpError } from '../http/errors'
import { apiRouter, errors, json, jsonBody } from '../http/openapi'
import { throttled } from '../http/throttled'

const tags = ['Accounts']
const changePassword = createRoute({
  method: 'post', path: '/password', tags, summary: 'Change the password; every other session of the person ends and its sync sockets close (4401)',
  description: 'A wrong current password counts as a failed login (throttled the same way).',
  request: { body: jsonBody(ChangePasswordBody) },
  responses: { 200: json(ChangePasswordResponse, 'Changed; this session stays'), ...errors(400, 401, 429) },
})

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
  })
}
