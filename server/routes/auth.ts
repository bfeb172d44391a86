// Sign up (at once, or with SMTP_URL through an e-mailed link: auth/signup-by-mail.ts), log in, log out, and who am I.
import { eq } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { LoginBody, LoginRefusedBody, MeResponse, SignupBody, SignupConfirmBody, SignupConfirmationSentResponse, UserResponse } from '../../shared/api'
import type { AppDeps } from '../app-deps'
import { assertAcceptablePassword } from '../auth/password-policy'
import { hashPassword, verifyPassword } from '../auth/passwords'
import { useRecoveryCode, useTotpCode } from '../auth/two-factor'
import { hashLinkToken } from '../auth/link-tokens'
import { mailAlreadyRegistered, mailSignupLink } from '../auth/signup-by-mail'
import { clearSessionCookie, sessionCookie } from '../auth/sessions'
import { memberships, signupConfirmations, users, workspaces } from '../db/schema'
import { requireSession } from '../http/access'
import { HttpError, badRequest, conflict } from '../http/errors'
import { isSecureRequest } from '../http/origin'
import { afterResponse } from '../http/after-response'
import { appOrigin } from '../http/app-origin'
import { clientAddress } from '../http/client-address'
import { throttled } from '../http/throttled'
import { apiRouter, errors, json, jsonBody } from '../http/openapi'
import { newId } from '../ids'
import { revokeAccess } from '../sync/revocation'
import { isUniqueViolation } from '../db/sqlite-errors'
import { signInAuditInsert } from '../audit/audit-log'

const signup = createRoute({
  method: 'post', path: '/signup', tags: ['Accounts'], summary: 'Create an account and sign in (without SMTP_URL), or e-mail a link that does (with it)',
  description: 'Every sign-up request spends one of its client address\'s budget (10 an hour); past it, 429 with Retry-After. '
    + 'With SMTP_URL set the answer is 202 {status: "confirmation-sent"} whether or not the address has an account: a new address gets a link '
    + '(POST /auth/signup/confirm finishes), one with an account a note saying so. Without SMTP_URL an address with an account answers 409.',
  request: { body: jsonBody(SignupBody) },
  responses: {
    201: json(UserResponse, 'Signed up; the session cookie is set (no SMTP_URL)'),
    202: json(SignupConfirmationSentResponse, 'An e-mail is on its way (SMTP_URL set)'),
    ...errors(400, 409, 429),
  },
})
const confirmSignup = createRoute({
  method: 'post', path: '/signup/confirm', tags: ['Accounts'], summary: 'Finish a sign-up with the e-mailed link\'s token: the account is created and signed in',
  request: { body: jsonBody(SignupConfirmBody) },
  responses: { 201: json(UserResponse, 'Signed up; the session cookie is set'), ...errors(400, 409, 410) },
})
const login = createRoute({
  method: 'post', path: '/login', tags: ['Accounts'], summary: 'Sign in',
  description: 'Failed logins are throttled per account and per address (docs/api.md). With two-factor sign-in on, the right password alone '
    + 'answers 401 {error, totpRequired: true} and sets no session; the same request with `code` (or `recoveryCode`) completes it.',
  request: { body: jsonBody(LoginBody) },
  responses: { 200: json(UserResponse, 'Signed in; the session cookie is set'), 401: json(LoginRefusedBody, 'Wrong email or password, or a two-factor code is needed'), ...errors(400, 429) },
})
const logout = createRoute({
  method: 'post', path: '/logout', tags: ['Accounts'], summary: 'Sign out: ends the session and closes its sync sockets (4401)',
  responses: { 204: { description: 'Signed out; the cookie is cleared' } },
})
const me = createRoute({
  method: 'get', path: '/', tags: ['Accounts'], summary: 'The signed-in person and their workspaces',
  responses: { 200: json(MeResponse, 'The person and their workspaces'), ...errors(401) },
})


export function authRoutes(deps: AppDeps) {
  // An unknown email is verified against this real hash, so its answer takes as long as a wrong password's.
  const dummyHash = hashPassword('not-a-real-password')
  const secure = (c: Context) => isSecureRequest(c.req.url, c.req.header('x-forwarded-proto'), deps.config.publicOrigins)
  const maxAgeSeconds = Math.round(deps.sessions.inactivityTimeoutMs / 1000)

  async function startSession(c: Context, userId: string, alongside: readonly BatchItem<'sqlite'>[] = []) {
    const { token } = await deps.sessions.create(userId, c.req.header('user-agent'), alongside)
    c.header('Set-Cookie', sessionCookie(token, { secure: secure(c), maxAgeSeconds }))
  }

  /** Null when the code or recovery code is good; else why not. Codes are throttled per account and address. */
  async function secondFactor(userId: string, key: Uint8Array, body: { email: string; code?: string; recoveryCode?: string }, address: string): Promise<string | null> {
    if (!body.code && !body.recoveryCode) return 'enter the code from your authenticator app'
    await throttled(deps.totpThrottle, body.email, address)
    const ok = body.code
      ? await useTotpCode(deps.db, userId, key, body.code, deps.now())
      : await useRecoveryCode(deps.db, userId, body.recoveryCode!, deps.now())
    if (ok) {
      await deps.totpThrottle.recordSuccess(body.email)
      return null
    }
    await deps.totpThrottle.recordFailure(body.email, address)
    return body.code ? 'wrong or already used code' : 'wrong or already used recovery code'
  }

  /**
   * Creates the account (with `alongside` in the same transaction) and signs it in; the unique index
   * decides between two sign-ups of one address.
   */
  async function createAccount(c: Context, account: { name: string; email: string; passwordHash: string }, alongside: BatchItem<'sqlite'>[] = []) {
    const user = { id: newId(), ...account, createdAt: deps.now() }
    try {
      await deps.db.batch([deps.db.insert(users).values(user), ...alongside])
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('an account with this email already exists')
      throw err
    }
    await startSession(c, user.id)
    return { id: user.id, name: user.name, email: user.email }
  }

  return apiRouter().openapi(signup, async (c) => {
    const body = c.req.valid('json')
    const waitMs = await deps.signupThrottle.spend(clientAddress(c, deps.config.TRUST_PROXY))
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000)
      throw new HttpError(429, `too many sign-ups from this address; try again in ${Math.ceil(seconds / 60)} min`, { 'Retry-After': String(seconds) })
    }
    assertAcceptablePassword(body.password)
    const [existing] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, body.email)).limit(1)
    if (deps.mailer) {
      // The same work for either address (the hash too), and the e-mail only after the answer.
      const { mailer } = deps
      const passwordHash = await hashPassword(body.password)
      const origin = appOrigin(c.req.url, c.req.header('x-forwarded-proto'), deps.config.publicOrigins)
      afterResponse(deps.log, 'sign-up e-mail not sent', async () => {
        if (existing) mailAlreadyRegistered(mailer, body.email, origin)
        else await mailSignupLink(deps, mailer, { name: body.name, email: body.email, passwordHash, next: body.next }, origin)
      })
      return c.json({ status: 'confirmation-sent' as const }, 202)
    }
    if (existing) throw conflict('an account with this email already exists')
    const user = await createAccount(c, { name: body.name, email: body.email, passwordHash: await hashPassword(body.password) })
    return c.json({ user }, 201)
  }).openapi(confirmSignup, async (c) => {
    const hash = hashLinkToken(c.req.valid('json').token)
    const [pending] = await deps.db.select().from(signupConfirmations).where(eq(signupConfirmations.tokenHash, hash))
    if (!pending) throw badRequest('this sign-up link is not valid or was already used; sign in, or sign up again')
    if (pending.expiresAt <= deps.now()) throw new HttpError(410, 'this sign-up link has expired; sign up again')
    // The link is spent in the account's transaction: a failure leaves it usable, and of two
    // requests with one link the second finds the address taken (409).
    const spend = deps.db.delete(signupConfirmations).where(eq(signupConfirmations.tokenHash, hash))
    const user = await createAccount(c, { name: pending.name, email: pending.email, passwordHash: pending.passwordHash }, [spend])
    return c.json({ user }, 201)
  }).openapi(login, async (c) => {
    const body = c.req.valid('json')
    const address = clientAddress(c, deps.config.TRUST_PROXY)
    await throttled(deps.throttle, body.email, address)
    const [user] = await deps.db.select().from(users).where(eq(users.email, body.email)).limit(1)
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), body.password)
    if (!user || !ok) {
      await deps.throttle.recordFailure(body.email, address)
      throw new HttpError(401, 'wrong email or password')
    }
    if (user.totpKey) {
      const second = await secondFactor(user.id, new Uint8Array(user.totpKey), body, address)
      if (second) return c.json({ error: second, totpRequired: true }, 401)
    }
    await deps.throttle.recordSuccess(body.email)
    await startSession(c, user.id, [signInAuditInsert(deps.db, user.id, deps.now())])
    return c.json({ user: { id: user.id, name: user.name, email: user.email } }, 200)
  }).openapi(logout, async (c) => {
    const session = c.get('session')
    if (session) {
      await deps.sessions.invalidate(session.sessionId)
      revokeAccess(deps, { kind: 'session', sessionId: session.sessionId })
    }
    c.header('Set-Cookie', clearSessionCookie({ secure: secure(c) }))
    return c.body(null, 204)
  })
}

export function meRoute(deps: AppDeps) {
  return apiRouter().openapi(me, async (c) => {
    const { user } = requireSession(c)
    const rows = await deps.db.select({ id: workspaces.id, name: workspaces.name, fiscalYearStartMonth: workspaces.fiscalYearStartMonth, requireTwoFactor: workspaces.requireTwoFactor, createdAt: workspaces.createdAt, role: memberships.role })
      .from(memberships).innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
      .where(eq(memberships.userId, user.id)).orderBy(workspaces.name)
    const [{ totpKey }] = await deps.db.select({ totpKey: users.totpKey }).from(users).where(eq(users.id, user.id))
    return c.json({ user, workspaces: rows.map((w) => ({ ...w, createdAt: new Date(w.createdAt).toISOString() })), twoFactorEnabled: totpKey !== null }, 200)
  })
}
