// Failed logins are throttled per account and per address, and the two budgets work differently:
// - An account gets a few free failures, then delays that double (capped); its own successful
//   login resets it. This stops guessing one person's password.
// - An address (a whole office behind one NAT, say) gets a bucket: each failure adds one, one
//   drains away every ADDRESS_DRAIN_MS, and only a bucket over ADDRESS_BURST blocks, until it has
//   drained back to it. A meeting room of people mistyping never reaches it; a script trying one
//   password on many accounts is held to one guess per drain. A success does not empty it:
//   otherwise signing in to one's own account between guesses would reset the budget.
// Counters live in the database so a restart does not hand an attacker a fresh budget, and every
// failure is one atomic upsert there (the rules below are its SQL), so failures arriving at once,
// at any number of instances, are each counted.
import { eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import { loginAttempts } from '../db/schema'

/** An account's free failures, and the cap of the delays that double after them. */
export const ACCOUNT_FREE_FAILURES = 3
export const ACCOUNT_MAX_DELAY_MS = 15 * 60_000
export const ADDRESS_BURST = 20
export const ADDRESS_DRAIN_MS = 2 * 60_000
/** Account counters older than this are forgotten. */
export const FORGET_AFTER_MS = 24 * 60 * 60_000

/** Our own constants as SQL literals (integers, so `/` divides whole intervals). */
const n = (value: number) => sql.raw(String(value))
const { failures, lastFailureAt: last } = loginAttempts

/** 0 for the free failures, then 1 s, 2 s, 4 s… up to the cap. */
const accountDelay = (count: SQL) => sql`CASE WHEN ${count} <= ${n(ACCOUNT_FREE_FAILURES)} THEN 0
  ELSE min(${n(ACCOUNT_MAX_DELAY_MS)}, 1000 << min(${count} - ${n(ACCOUNT_FREE_FAILURES + 1)}, 30)) END`

export class LoginThrottle {
  /**
   * `scope` keeps other budgets apart from the logins' with the same rules (password-reset
   * requests, reset confirmations, two-factor codes): '' is the logins' own.
   */
  constructor(private db: Db, private now: () => number = Date.now, private scope = '') {}

  private accountKey = (email: string) => `${this.scope}email:${email.toLowerCase()}`
  private addressKey = (address: string) => `${this.scope}ip:${address}`

  /** Milliseconds the caller must still wait, or 0 if an attempt may be made now. `email` null: the address alone. */
  async retryAfterMs(email: string | null, address: string): Promise<number> {
    const keys = [...(email === null ? [] : [this.accountKey(email)]), this.addressKey(address)]
    const rows = await this.db.select().from(loginAttempts).where(inArray(loginAttempts.key, keys))
    const t = this.now()
    return Math.max(0, ...rows.map((r) => r.blockedUntil - t))
  }

  /** One transaction of two upserts (one without an account), each computing the new counter from the stored one. */
  async recordFailure(email: string | null, address: string): Promise<void> {
    const t = n(Math.floor(this.now()))
    // Whole drain intervals since the bucket's `since` (its last_failure_at); none if the clock went back.
    const drains = sql`max(0, (${t} - ${last}) / ${n(ADDRESS_DRAIN_MS)})`
    const emptied = sql`${drains} >= ${failures}`
    const account = email === null ? [] : [
      this.db.insert(loginAttempts).values({ key: this.accountKey(email), failures: 1, lastFailureAt: t, blockedUntil: sql`${t} + ${accountDelay(n(1))}` })
        .onConflictDoUpdate({
          target: loginAttempts.key,
          set: {
            failures: sql`CASE WHEN ${t} - ${last} < ${n(FORGET_AFTER_MS)} THEN ${failures} + 1 ELSE 1 END`,
            lastFailureAt: t,
            blockedUntil: sql`${t} + ${accountDelay(sql`CASE WHEN ${t} - ${last} < ${n(FORGET_AFTER_MS)} THEN ${failures} + 1 ELSE 1 END`)}`,
          },
        }),
    ]
    // The address's bucket: failures = its level, last_failure_at = its `since`, kept on whole
    // intervals so no part of a drain is lost. Drain, then add this failure; blocked while over the burst.
    const bucket = this.db.insert(loginAttempts).values({ key: this.addressKey(address), failures: 1, lastFailureAt: t, blockedUntil: 0 })
        .onConflictDoUpdate({
          target: loginAttempts.key,
          set: {
            failures: sql`CASE WHEN ${emptied} THEN 1 ELSE ${failures} - ${drains} + 1 END`,
            lastFailureAt: sql`CASE WHEN ${emptied} THEN ${t} ELSE ${last} + ${drains} * ${n(ADDRESS_DRAIN_MS)} END`,
            blockedUntil: sql`CASE WHEN ${emptied} OR ${failures} - ${drains} + 1 <= ${n(ADDRESS_BURST)} THEN 0
              ELSE ${last} + ${drains} * ${n(ADDRESS_DRAIN_MS)} + (${failures} - ${drains} + 1 - ${n(ADDRESS_BURST)}) * ${n(ADDRESS_DRAIN_MS)} END`,
          },
        })
    await this.db.batch([bucket, ...account])
  }

  /** The account's budget is whole again; the address's bucket keeps draining at its own pace. */
  async recordSuccess(email: string): Promise<void> {
    await this.db.delete(loginAttempts).where(eq(loginAttempts.key, this.accountKey(email)))
  }
}
