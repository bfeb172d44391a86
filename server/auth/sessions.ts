// Sessions as lucia-auth.com designs them, implemented with @oslojs/crypto and @oslojs/encoding
// (the `lucia` package is deprecated by its author in favour of this guide).
// Token = `${id}.${secret}`, each part 120+ random bits; only SHA-256(secret) is stored and it is
// compared in constant time. Sessions expire after a period of inactivity; `lastVerifiedAt` is
// refreshed at most once an hour so that a busy user does not cause a write per request.
import { sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import { and, desc, eq, ne } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../db/client'
import { sessions, users } from '../db/schema'

export const ACTIVITY_REFRESH_MS = 60 * 60 * 1000
/** A session unused (no HTTP request) for this long has ended: two weeks, a fortnight's cadence of meetings. */
export const SESSION_INACTIVITY_TIMEOUT_MS = 14 * 86_400_000
export const SESSION_COOKIE = 'quorum_session'

export interface SessionUser { id: string; name: string; email: string }
export interface ValidSession { sessionId: string; user: SessionUser; lastVerifiedAt: number }

function randomPart(): string {
  const bytes = new Uint8Array(20) // 160 bits
  crypto.getRandomValues(bytes)
  return encodeBase32LowerCaseNoPadding(bytes)
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret))
}

/** Splits `id.secret`; anything else (missing dot, empty parts, odd characters) is malformed. */
export function parseToken(token: string): { id: string; secret: string } | null {
  const parts = token.split('.')
  if (parts.length !== 2) return null
  const [id, secret] = parts
  if (!/^[a-z2-7]{20,64}$/.test(id) || !/^[a-z2-7]{20,64}$/.test(secret)) return null
  return { id, secret }
}

export class SessionStore {
  constructor(private db: Db, readonly inactivityTimeoutMs: number, private now: () => number = Date.now) {}

  /** A session last verified before this time has expired (what the sync sockets' re-check uses). */
  expiredBefore(): number {
    return this.now() - this.inactivityTimeoutMs
  }

  /** `alongside`: statements committed in the same transaction as the session (the sign-in's audit rows). */
  async create(userId: string, userAgent?: string | null, alongside: readonly BatchItem<'sqlite'>[] = []): Promise<{ token: string; sessionId: string }> {
    const id = randomPart()
    const secret = randomPart()
    const t = this.now()
    await this.db.batch([
      this.db.insert(sessions).values({ id, userId, secretHash: Buffer.from(hashSecret(secret)), createdAt: t, lastVerifiedAt: t, userAgent: userAgent?.slice(0, 300) ?? null }),
      ...alongside,
    ])
    return { token: `${id}.${secret}`, sessionId: id }
  }

  /** The session's user if the token is genuine and the session has been used within the timeout. */
  async validate(token: string | undefined | null): Promise<ValidSession | null> {
    if (!token) return null
    const parsed = parseToken(token)
    if (!parsed) return null
    const rows = await this.db
      .select({ session: sessions, user: { id: users.id, name: users.name, email: users.email } })
      .from(sessions).innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, parsed.id)).limit(1)
    const row = rows[0]
    if (!row) return null
    if (!constantTimeEqual(hashSecret(parsed.secret), new Uint8Array(row.session.secretHash))) return null
    const t = this.now()
    let lastVerifiedAt = row.session.lastVerifiedAt
    if (t - lastVerifiedAt >= this.inactivityTimeoutMs) {
      await this.db.delete(sessions).where(eq(sessions.id, parsed.id))
      return null
    }
    if (t - lastVerifiedAt >= ACTIVITY_REFRESH_MS) {
      lastVerifiedAt = t
      await this.db.update(sessions).set({ lastVerifiedAt: t }).where(eq(sessions.id, parsed.id))
    }
    return { sessionId: parsed.id, user: row.user, lastVerifiedAt }
  }

  /** The user's sessions, most recently seen first (seen: to the hour, see ACTIVITY_REFRESH_MS). */
  async listForUser(userId: string): Promise<{ id: string; createdAt: number; lastVerifiedAt: number; userAgent: string | null }[]> {
    return this.db.select({ id: sessions.id, createdAt: sessions.createdAt, lastVerifiedAt: sessions.lastVerifiedAt, userAgent: sessions.userAgent })
      .from(sessions).where(eq(sessions.userId, userId)).orderBy(desc(sessions.lastVerifiedAt), desc(sessions.createdAt))
  }

  /** Ends one of the user's sessions; false if it is not theirs (or already gone). */
  async invalidateOwn(userId: string, sessionId: string): Promise<boolean> {
    const rows = await this.db.delete(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId))).returning({ id: sessions.id })
    return rows.length > 0
  }

  async invalidate(sessionId: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.id, sessionId))
  }

  /** Deletes the user's sessions (all but `exceptSessionId`, when given) and returns their ids. */
  async invalidateAllForUser(userId: string, exceptSessionId?: string): Promise<string[]> {
    const rows = await this.db.delete(sessions)
      .where(exceptSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)) : eq(sessions.userId, userId))
      .returning({ id: sessions.id })
    return rows.map((r) => r.id)
  }
}

export function sessionCookie(token: string, opts: { secure: boolean; maxAgeSeconds: number }): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${opts.maxAgeSeconds}${opts.secure ? '; Secure' : ''}`
}

export function clearSessionCookie(opts: { secure: boolean }): string {
  return `${SESSION_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0${opts.secure ? '; Secure' : ''}`
}
