// Sign-ups are budgeted per client address: `perHour` in each hour (a fixed window that starts
// with the first sign-up). Every sign-up request spends one, whether or not it creates an account,
// so a script can neither mass-create accounts nor probe which addresses have one faster than that.
// The spend is one atomic upsert in login_attempts (key `signup:ip:<address>`: failures = spent in
// the window, last_failure_at = its start) that returns the new count, so sign-ups arriving at
// once, at any number of instances, are each counted, and exactly the ones past the budget are refused.
import { sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { loginAttempts } from '../db/schema'

export const SIGNUP_WINDOW_MS = 60 * 60_000

const n = (value: number) => sql.raw(String(value))
const { failures: spent, lastFailureAt: since } = loginAttempts

export class SignupThrottle {
  constructor(private db: Db, private perHour: number, private now: () => number = Date.now) {}

  /** Spends one sign-up of the address's budget: 0 if it was within it, else milliseconds until the window ends. */
  async spend(address: string): Promise<number> {
    const t = Math.floor(this.now())
    // A window that has ended (or a clock that went back) starts a new one with this sign-up.
    const fresh = sql`(${n(t)} - ${since} >= ${n(SIGNUP_WINDOW_MS)} OR ${n(t)} < ${since})`
    const [row] = await this.db.insert(loginAttempts).values({ key: `signup:ip:${address}`, failures: 1, lastFailureAt: t, blockedUntil: 0 })
      .onConflictDoUpdate({
        target: loginAttempts.key,
        set: {
          failures: sql`CASE WHEN ${fresh} THEN 1 ELSE ${spent} + 1 END`,
          lastFailureAt: sql`CASE WHEN ${fresh} THEN ${n(t)} ELSE ${since} END`,
        },
      })
      .returning({ spent: loginAttempts.failures, since: loginAttempts.lastFailureAt })
    return row.spent > this.perHour ? Math.max(1, row.since + SIGNUP_WINDOW_MS - t) : 0
  }
}
