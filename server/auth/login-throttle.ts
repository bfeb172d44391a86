// Failed logins are throttled per account and per address with delays that double after a few
// free attempts (capped), and reset by a successful login. Counters live in the database so a
// restart does not hand an attacker a fresh budget.
import { eq, inArray } from 'drizzle-orm'
import type { Db } from '../db/client'
import { loginAttempts } from '../db/schema'

interface Policy { freeFailures: number; maxDelayMs: number }
const ACCOUNT: Policy = { freeFailures: 3, maxDelayMs: 15 * 60_000 }
const ADDRESS: Policy = { freeFailures: 10, maxDelayMs: 15 * 60_000 }
/** Counters older than this are forgotten. */
const FORGET_AFTER_MS = 24 * 60 * 60_000

export function delayAfterFailures(failures: number, policy: Policy): number {
  if (failures <= policy.freeFailures) return 0
  return Math.min(1000 * 2 ** (failures - policy.freeFailures - 1), policy.maxDelayMs)
}

export class LoginThrottle {
  constructor(private db: Db, private now: () => number = Date.now) {}

  private keys(email: string, address: string) {
    return [{ key: `email:${email.toLowerCase()}`, policy: ACCOUNT }, { key: `ip:${address}`, policy: ADDRESS }]
  }

  /** Milliseconds the caller must still wait, or 0 if a login may be attempted now. */
  async retryAfterMs(email: string, address: string): Promise<number> {
    const keys = this.keys(email, address).map((k) => k.key)
    const rows = await this.db.select().from(loginAttempts).where(inArray(loginAttempts.key, keys))
    const t = this.now()
    return Math.max(0, ...rows.map((r) => r.blockedUntil - t))
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const t = this.now()
    for (const { key, policy } of this.keys(email, address)) {
      const [row] = await this.db.select().from(loginAttempts).where(eq(loginAttempts.key, key))
      const failures = row && t - row.lastFailureAt < FORGET_AFTER_MS ? row.failures + 1 : 1
      const blockedUntil = t + delayAfterFailures(failures, policy)
      await this.db.insert(loginAttempts).values({ key, failures, lastFailureAt: t, blockedUntil })
        .onConflictDoUpdate({ target: loginAttempts.key, set: { failures, lastFailureAt: t, blockedUntil } })
    }
  }

  async recordSuccess(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address).map((k) => k.key)
    await this.db.delete(loginAttempts).where(inArray(loginAttempts.key, keys))
  }
}
