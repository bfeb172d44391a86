// The signed-in person's own account: changing the password, two-factor sign-in, seeing and ending their sessions.
import { and, eq } from 'drizzle-orm'
import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import {
  ChangePasswordBody, ChangePasswordResponse, RecoveryCodesResponse, SessionListResponse, SessionParams, TotpCodeBody, TotpSetupResponse,
} from '../../shared/api'
import type { AppDeps, AppEnv } from '../app-deps'
import { endSessions } from '../auth/end-sessions'
import { assertAcceptablePassword } from '../auth/password-policy'
import { hashPassword, verifyPassword } from '../auth/passwords'
import { newRecoveryCodes, newTotpKey, totpSetup, useTotpCode } from '../auth/two-factor'
import { memberships, recoveryCodes, users, workspaces } from '../db/schema'
import { requireSession } from '../http/access'
import { clientAddress } from '../http/client-address'
import { HttpError, conflict, notFound } from '../http/errors'
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

const startTotp = createRoute({
  method: 'post', path: '/totp', tags, summary: 'Start setting up two-factor sign-in: a new key, not yet enabled',
  description: 'Show `uri` as a QR code (and `secret` as text) to an authenticator app; POST /api/me/totp/confirm with its first code enables it.',
  responses: { 200: json(TotpSetupResponse, 'The key, as base32 text and as an otpauth:// URI'), ...errors(401, 409) },
})
const confirmTotp = createRoute({
  method: 'post', path: '/totp/confirm', tags, summary: 'Enable two-factor sign-in with a first code; answers the ten recovery codes (shown once)',
  request: { body: jsonBody(TotpCodeBody) },
  responses: { 200: json(RecoveryCodesResponse, 'Enabled'), ...errors(400, 401, 409, 429) },
})
const disableTotp = createRoute({
  method: 'delete', path: '/totp', tags, summary: 'Turn two-factor sign-in off, with a current code',
  request: { body: jsonBody(TotpCodeBody) },
  responses: { 204: { description: 'Off; the recovery codes are deleted' }, ...errors(400, 401, 409, 429) },
})

const iso = (ms: number) => new Date(ms).toISOString()

export function accountRoutes(deps: AppDeps) {
  const { db } = deps
  const totpRow = async (userId: string) =>
    (await db.select({ key: users.totpKey, pending: users.totpPendingKey }).from(users).where(eq(users.id, userId)))[0]

  /** A code for `key`, throttled per account and address like logins; 400 if wrong or already used. */
  async function requireCode(c: Context<AppEnv>, email: string, userId: string, key: Uint8Array, code: string) {
    const address = clientAddress(c, deps.config.TRUST_PROXY)
    await throttled(deps.totpThrottle, email, address)
    if (!(await useTotpCode(db, userId, key, code, deps.now()))) {
      await deps.totpThrottle.recordFailure(email, address)
      throw new HttpError(400, 'code: wrong or already used code')
    }
    await deps.totpThrottle.recordSuccess(email)
  }

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
  }).openapi(startTotp, async (c) => {
    const { user } = requireSession(c)
    if ((await totpRow(user.id)).key) throw conflict('two-factor sign-in is already on; turn it off first to set up a new key')
    const key = newTotpKey()
    await db.update(users).set({ totpPendingKey: Buffer.from(key) }).where(eq(users.id, user.id))
    return c.json(totpSetup(key, user.email), 200)
  }).openapi(confirmTotp, async (c) => {
    const { user } = requireSession(c)
    const row = await totpRow(user.id)
    if (row.key) throw conflict('two-factor sign-in is already on')
    if (!row.pending) throw conflict('start the set-up first (POST /api/me/totp)')
    const key = new Uint8Array(row.pending)
    await requireCode(c, user.email, user.id, key, c.req.valid('json').code)
    await db.update(users).set({ totpKey: Buffer.from(key), totpPendingKey: null }).where(eq(users.id, user.id))
    return c.json({ recoveryCodes: await newRecoveryCodes(db, user.id) }, 200)
  }).openapi(disableTotp, async (c) => {
    const { user } = requireSession(c)
    const row = await totpRow(user.id)
    if (!row.key) throw conflict('two-factor sign-in is not on')
    await requireCode(c, user.email, user.id, new Uint8Array(row.key), c.req.valid('json').code)
    await db.batch([
      db.update(users).set({ totpKey: null, totpPendingKey: null }).where(eq(users.id, user.id)),
      db.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id)),
    ])
    // Workspaces that require it: their sockets close (4509) and the upgrade now refuses them.
    const requiring = await db.select({ workspaceId: memberships.workspaceId }).from(memberships)
      .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
      .where(and(eq(memberships.userId, user.id), eq(workspaces.requireTwoFactor, true)))
    for (const { workspaceId } of requiring) revokeAccess(deps, { kind: 'member', workspaceId, userId: user.id })
    return c.body(null, 204)
  })
}
