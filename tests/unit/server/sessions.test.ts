import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARGON2_OPTIONS, hashPassword, verifyPassword } from '../../../server/auth/passwords'
import { ACTIVITY_REFRESH_MS, SessionStore, hashSecret, parseToken, sessionCookie } from '../../../server/auth/sessions'
import { sessions, users } from '../../../server/db/schema'
import { tempDatabase } from '../../helpers/temp-db'

const DAY = 86_400_000
let database: Awaited<ReturnType<typeof tempDatabase>>
let clock = 1_800_000_000_000
const now = () => clock

beforeAll(async () => {
  database = await tempDatabase()
  await database.db.insert(users).values({ id: 'u1', email: 'a@b.c', name: 'Ada', passwordHash: 'x', createdAt: clock })
})
afterAll(() => database.dispose())

describe('session tokens', () => {
  it('issues id.secret tokens with 120+ random bits per part and stores only the SHA-256 of the secret', async () => {
    const store = new SessionStore(database.db, 14 * DAY, now)
    const { token, sessionId } = await store.create('u1')
    const parsed = parseToken(token)!
    expect(parsed.id).toBe(sessionId)
    // base32: 5 bits per character
    expect(parsed.id.length * 5).toBeGreaterThanOrEqual(120)
    expect(parsed.secret.length * 5).toBeGreaterThanOrEqual(120)
    const [row] = await database.db.select().from(sessions).where(eq(sessions.id, sessionId))
    expect(new Uint8Array(row.secretHash)).toEqual(hashSecret(parsed.secret))
    expect(Buffer.from(row.secretHash).toString()).not.toContain(parsed.secret)
    const second = await store.create('u1')
    expect(second.token).not.toBe(token)
  })

  it('validates a genuine token and refuses a wrong secret, an unknown id and malformed tokens', async () => {
    const store = new SessionStore(database.db, 14 * DAY, now)
    const { token } = await store.create('u1')
    expect((await store.validate(token))?.user).toEqual({ id: 'u1', name: 'Ada', email: 'a@b.c' })
    const [id, secret] = token.split('.')
    const flipped = secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a')
    expect(await store.validate(`${id}.${flipped}`)).toBeNull()
    expect(await store.validate(`${'a'.repeat(32)}.${secret}`)).toBeNull()
    for (const bad of ['', 'nodot', `${id}.`, `.${secret}`, `${id}.${secret}.x`, `${id}.SECRET!!`]) {
      expect(await store.validate(bad)).toBeNull()
    }
  })

  it('expires after the inactivity timeout and refreshes lastVerifiedAt at most hourly', async () => {
    const store = new SessionStore(database.db, 14 * DAY, now)
    const { token, sessionId } = await store.create('u1')
    const createdAt = clock
    const lastVerified = async () => (await database.db.select().from(sessions).where(eq(sessions.id, sessionId)))[0]?.lastVerifiedAt

    clock += ACTIVITY_REFRESH_MS - 1000
    expect(await store.validate(token)).not.toBeNull()
    expect(await lastVerified()).toBe(createdAt) // not yet an hour: no write

    clock += 2000
    expect(await store.validate(token)).not.toBeNull()
    expect(await lastVerified()).toBe(clock) // refreshed

    clock += 13 * DAY // active within 14 days of the last verification: still valid
    expect(await store.validate(token)).not.toBeNull()

    clock += 14 * DAY + 1
    expect(await store.validate(token)).toBeNull()
    expect(await lastVerified()).toBeUndefined() // deleted
  })

  it('invalidates a session and all of a user\'s sessions', async () => {
    const store = new SessionStore(database.db, 14 * DAY, now)
    const a = await store.create('u1')
    const b = await store.create('u1')
    await store.invalidate(a.sessionId)
    expect(await store.validate(a.token)).toBeNull()
    expect(await store.validate(b.token)).not.toBeNull()
    const c = await store.create('u1')
    const ended = await store.invalidateAllForUser('u1', c.sessionId)
    expect(ended).toContain(b.sessionId)
    expect(ended).not.toContain(c.sessionId)
    expect(await store.validate(b.token)).toBeNull()
    expect(await store.validate(c.token)).not.toBeNull()
    expect(await store.invalidateAllForUser('u1')).toEqual([c.sessionId])
    expect(await store.validate(c.token)).toBeNull()
  })

  it('sets an HttpOnly, SameSite=Lax, Path=/ cookie, Secure only behind https', () => {
    expect(sessionCookie('t.s', { secure: false, maxAgeSeconds: 60 })).toBe('quorum_session=t.s; HttpOnly; SameSite=Lax; Path=/; Max-Age=60')
    expect(sessionCookie('t.s', { secure: true, maxAgeSeconds: 60 })).toMatch(/; Secure$/)
  })
})

describe('password hashing', () => {
  it('uses argon2id with at least 19 MiB, t=2, p=1 and verifies only the right password', async () => {
    expect(ARGON2_OPTIONS.memoryCost).toBeGreaterThanOrEqual(19 * 1024)
    const hash = await hashPassword('correct horse')
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await verifyPassword(hash, 'correct horse')).toBe(true)
    expect(await verifyPassword(hash, 'correct horsE')).toBe(false)
    expect(await verifyPassword('not a hash', 'x')).toBe(false)
    expect(await hashPassword('correct horse')).not.toBe(hash) // salted
  })
})
