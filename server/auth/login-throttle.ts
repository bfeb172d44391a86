// Failed logins are throttled per account and per address, and the two budgets work differently:
// - An account gets a few free failures, then delays that double (capped); its own successful
//   login resets it. This stops guessing one person's password.
// - An address (a whole office behind one NAT, say) gets a bucket: each failure adds one, one
//   drains away every ADDRESS_DRAIN_MS, and only a bucket over ADDRESS_BURST blocks, until it has
//   drained back to it. A meeting room of people mistyping never reaches it; a script trying one
//   password on many accounts is held to one guess per drain. A success does not empty it:
//   otherwise signing in to one's own account between guesses would reset the budget.
// Counters live in the database so a restart does not hand an attacker a fresh budget.
import { eq, inArray } from 'drizzle-orm'
import type { Db } from '../db/client'
import { loginAttempts } from '../db/schema'

interface Policy { freeFailures: number; maxDelayMs: number }
const ACCOUNT: Policy = { freeFailures: 3, maxDelayMs: 15 * 60_000 }
export const ADDRESS_BURST = 20
export const ADDRESS_DRAIN_MS = 2 * 60_000
/** Account counters older than this are forgotten. */
const FORGET_AFTER_MS = 24 * 60 * 60_000

export function delayAfterFailures(failures: number, policy: Policy): number {
  if (failures <= policy.freeFailures) return 0
  return Math.min(1000 * 2 ** (failures - policy.freeFailures - 1), policy.maxDelayMs)
}

/** An address bucket: `level` failures as of `since` (the last whole drain, so no drain is lost). */
export interface Bucket { level: number; since: number }

export function drainBucket(bucket: Bucket, t: number): Bucket {
  const drains = Math.max(0, Math.floor((t - bucket.since) / ADDRESS_DRAIN_MS)) // a clock set back drains nothing
  if (drains >= bucket.level) return { level: 0, since: t }
  return { level: bucket.level - drains, since: bucket.since + drains * ADDRESS_DRAIN_MS }
}

/** One more failure in the bucket, and until when the address is blocked (≤ t: not blocked). */
export function addFailure(bucket: Bucket | null, t: number): Bucket & { blockedUntil: number } {
  const { level, since } = bucket ? drainBucket(bucket, t) : { level: 0, since: t }
  const next = { level: level + 1, since }
  return { ...next, blockedUntil: next.level > ADDRESS_BURST ? since + (next.level - ADDRESS_BURST) * ADDRESS_DRAIN_MS : 0 }
}

export class LoginThrottle {
  constructor(private db: Db, private now: () => number = Date.now) {}

  private accountKey = (email: string) => `email:${email.toLowerCase()}`
  private addressKey = (address: string) => `ip:${address}`

  /** Milliseconds the caller must still wait, or 0 if a login may be attempted now. */
  async retryAfterMs(email: string, address: string): Promise<number> {
    const keys = [this.accountKey(email), this.addressKey(address)]
    const rows = await this.db.select().from(loginAttempts).where(inArray(loginAttempts.key, keys))
    const t = this.now()
    return Math.max(0, ...rows.map((r) => r.blockedUntil - t))
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const t = this.now()
    const account = await this.row(this.accountKey(email))
    const failures = account && t - account.lastFailureAt < FORGET_AFTER_MS ? account.failures + 1 : 1
    await this.save(this.accountKey(email), failures, t, t + delayAfterFailures(failures, ACCOUNT))
    // The address row keeps the bucket: failures = its level, last_failure_at = its `since`.
    const stored = await this.row(this.addressKey(address))
    const bucket = addFailure(stored ? { level: stored.failures, since: stored.lastFailureAt } : null, t)
    await this.save(this.addressKey(address), bucket.level, bucket.since, bucket.blockedUntil)
  }

  /** The account's budget is whole again; the address's bucket keeps draining at its own pace. */
  async recordSuccess(email: string): Promise<void> {
    await this.db.delete(loginAttempts).where(eq(loginAttempts.key, this.accountKey(email)))
  }

  private async row(key: string) {
    const [row] = await this.db.select().from(loginAttempts).where(eq(loginAttempts.key, key))
    return row
  }

  private async save(key: string, failures: number, lastFailureAt: number, blockedUntil: number): Promise<void> {
    await this.db.insert(loginAttempts).values({ key, failures, lastFailureAt, blockedUntil })
      .onConflictDoUpdate({ target: loginAttempts.key, set: { failures, lastFailureAt, blockedUntil } })
  }
}
