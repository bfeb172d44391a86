// Forgotten passwords: a single-use link (1 hour) e-mailed to the address, or written to the
// server log for the operator when SMTP_URL is not set. The request is answered 202 whether or not
// the address has an account, after the same work either way (the link is stored and sent after
// the answer), and both steps are throttled like logins (their own budgets).
import { and, eq, gt, isNull } from 'drizzle-orm'
import { createRoute } from '@hono/zod-openapi'
import { PasswordResetBody, PasswordResetConfirmBody, PasswordResetConfirmResponse } from '../../shared/api'
import type { AppDeps } from '../app-deps'
import { endSessions } from '../auth/end-sessions'
import { hashLinkToken, newLinkToken } from '../auth/link-tokens'
import { assertAcceptablePassword } from '../auth/password-policy'
import { hashPassword } from '../auth/passwords'
import { passwordResets, users } from '../db/schema'
import { afterResponse } from '../http/after-response'
import { appOrigin } from '../http/app-origin'
import { clientAddress } from '../http/client-address'
import { HttpError, badRequest } from '../http/errors'
import { apiRouter, errors, json, jsonBody } from '../http/openapi'
import { throttled } from '../http/throttled'

export const RESET_LINK_TTL_MS = 60 * 60_000

const tags = ['Accounts']
const requestReset = createRoute({
  method: 'post', path: '/password-reset', tags, summary: 'Send a password-reset link to the address (if it has an account)',
  description: 'Always 202: the answer does not say whether the address has an account. Without SMTP_URL the link is written to the server log.',
  request: { body: jsonBody(PasswordResetBody) },
  responses: { 202: { description: 'Accepted; a link is on its way if the address has an account' }, ...errors(400, 429) },
})
const confirmReset = createRoute({
  method: 'post', path: '/password-reset/confirm', tags, summary: 'Set a new password with a reset link; every session of the person ends',
  request: { body: jsonBody(PasswordResetConfirmBody) },
  responses: { 200: json(PasswordResetConfirmResponse, 'Changed; sign in with the new password'), ...errors(400, 410, 429) },
})

export function passwordResetRoutes(deps: AppDeps) {
  const { db } = deps

  async function sendResetLink(user: { id: string; name: string }, email: string, origin: string) {
    const { token, hash } = newLinkToken()
    const t = deps.now()
    // A new link replaces any earlier one.
    await db.batch([
      db.delete(passwordResets).where(eq(passwordResets.userId, user.id)),
      db.insert(passwordResets).values({ tokenHash: hash, userId: user.id, createdAt: t, expiresAt: t + RESET_LINK_TTL_MS }),
    ])
    const url = `${origin}/reset-password?token=${token}`
    if (deps.mailer) {
      deps.mailer.send({
        to: email,
        subject: 'Reset your Quorum password',
        text: `Hello ${user.name},\n\nSomeone (we hope you) asked to reset the password of your Quorum account. Open this link within an hour to choose a new one:\n\n${url}\n\nIf it was not you, ignore this e-mail: your password stays as it is.\n`,
      })
    } else {
      deps.log.warn({ email, url }, 'password reset link (SMTP_URL is not set: pass it to the person yourself)')
    }
  }

  return apiRouter().openapi(requestReset, async (c) => {
    const { email } = c.req.valid('json')
    const address = clientAddress(c, deps.config.TRUST_PROXY)
    await throttled(deps.resetThrottle, email, address)
    // Every request spends budget, so neither one address nor one inbox can be flooded.
    await deps.resetThrottle.recordFailure(email, address)
    const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email)).limit(1)
    const origin = appOrigin(c.req.url, c.req.header('x-forwarded-proto'), deps.config.publicOrigins)
    // The link is stored and sent after the answer has gone out, so the answer takes the same
    // time whether or not the address has an account.
    if (user) afterResponse(deps.log, 'password reset link not made', () => sendResetLink(user, email, origin))
    return c.body(null, 202)
  }).openapi(confirmReset, async (c) => {
    const body = c.req.valid('json')
    const address = clientAddress(c, deps.config.TRUST_PROXY)
    await throttled(deps.resetThrottle, null, address)
    assertAcceptablePassword(body.password)
    const hash = hashLinkToken(body.token)
    const t = deps.now()
    // Used once: of two requests with one token, only one updates the row.
    const [reset] = await db.update(passwordResets).set({ usedAt: t })
      .where(and(eq(passwordResets.tokenHash, hash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, t)))
      .returning({ userId: passwordResets.userId })
    if (!reset) {
      await deps.resetThrottle.recordFailure(null, address)
      const [row] = await db.select().from(passwordResets).where(eq(passwordResets.tokenHash, hash))
      if (row?.usedAt) throw new HttpError(410, 'this reset link has already been used; ask for a new one')
      if (row) throw new HttpError(410, 'this reset link has expired; ask for a new one')
      throw badRequest('this reset link is not valid; ask for a new one')
    }
    const [user] = await db.update(users).set({ passwordHash: await hashPassword(body.password) }).where(eq(users.id, reset.userId)).returning({ email: users.email })
    await endSessions(deps, reset.userId)
    // Whoever holds the inbox has proved it: failed logins before the reset no longer hold them back.
    await deps.throttle.recordSuccess(user.email)
    return c.json({ email: user.email }, 200)
  })
}
