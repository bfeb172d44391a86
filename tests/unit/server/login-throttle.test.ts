// The login throttle on a real database with a clock the test moves: an account's free failures and
// doubling delays, an address's bucket that drains whole intervals, and exact counts when failures
// arrive at once from two instances (two connections to one file).
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { afterEach, describe, expect, it } from 'vitest'
import * as schema from '../../../server/db/schema'
import {
  ACCOUNT_MAX_DELAY_MS, ADDRESS_BURST, ADDRESS_DRAIN_MS, FORGET_AFTER_MS, LoginThrottle,
} from '../../../server/auth/login-throttle'
import { tempDatabase } from '../../helpers/temp-db'

const cleanups: (() => void)[] = []
afterEach(() => { for (const c of cleanups.splice(0)) c() })

async function setup() {
  const database = await tempDatabase()
  cleanups.push(() => database.dispose())
  const clock = { t: 1_700_000_000_000 }
  const throttle = new LoginThrottle(database.db, () => clock.t)
  const row = async (key: string) => {
    const [r] = (await database.client.execute({ sql: 'SELECT failures, last_failure_at FROM login_attempts WHERE key = ?', args: [key] })).rows
    return { failures: Number(r.failures), since: Number(r.last_failure_at) }
  }
  return { database, clock, throttle, row }
}

describe('login throttle per account', () => {
  it('allows a few free failures, then doubles the delay up to a cap; a success or a day resets it', async () => {
    const { clock, throttle } = await setup()
    const waits: number[] = []
    for (let i = 0; i < 7; i++) {
      // From addresses of their own: only the account's budget is measured here.
      await throttle.recordFailure('Ann@x', `10.0.0.${i}`)
      waits.push(await throttle.retryAfterMs('ann@x', '10.9.9.9'))
    }
    expect(waits).toEqual([0, 0, 0, 1000, 2000, 4000, 8000])
    for (let i = 0; i < 40; i++) await throttle.recordFailure('ann@x', `10.1.0.${i}`)
    expect(await throttle.retryAfterMs('ann@x', '10.9.9.9')).toBe(ACCOUNT_MAX_DELAY_MS)
    clock.t += FORGET_AFTER_MS
    await throttle.recordFailure('ann@x', '10.2.0.1')
    expect(await throttle.retryAfterMs('ann@x', '10.9.9.9')).toBe(0)
    for (let i = 0; i < 3; i++) await throttle.recordFailure('ann@x', `10.3.0.${i}`)
    expect(await throttle.retryAfterMs('ann@x', '10.9.9.9')).toBe(1000)
    await throttle.recordSuccess('ann@x')
    expect(await throttle.retryAfterMs('ann@x', '10.9.9.9')).toBe(0)
  })
})

describe('login throttle per address (a bucket)', () => {
  const failFrom = async (throttle: LoginThrottle, count: number, address = '203.0.113.5') => {
    // Each on an account of its own: only the address's bucket fills.
    for (let i = 0; i < count; i++) await throttle.recordFailure(`p${Math.random()}@x`, address)
  }

  it('lets a burst of failures through, then blocks one drain interval per failure over it', async () => {
    const { throttle } = await setup()
    await failFrom(throttle, ADDRESS_BURST)
    expect(await throttle.retryAfterMs('new@x', '203.0.113.5')).toBe(0)
    await failFrom(throttle, 1)
    expect(await throttle.retryAfterMs('new@x', '203.0.113.5')).toBe(ADDRESS_DRAIN_MS)
    await failFrom(throttle, 2)
    expect(await throttle.retryAfterMs('new@x', '203.0.113.5')).toBe(3 * ADDRESS_DRAIN_MS)
  })

  it('drains one failure per whole interval, keeping the part of an interval already passed', async () => {
    const { clock, throttle, row } = await setup()
    const start = clock.t
    await failFrom(throttle, 5)
    clock.t = start + 2.5 * ADDRESS_DRAIN_MS
    await failFrom(throttle, 1)
    expect(await row('ip:203.0.113.5')).toEqual({ failures: 4, since: start + 2 * ADDRESS_DRAIN_MS })
    clock.t = start + 100 * ADDRESS_DRAIN_MS
    await failFrom(throttle, 1)
    expect(await row('ip:203.0.113.5')).toEqual({ failures: 1, since: clock.t })
    // A full bucket, half an interval later: the next failure still blocks for the rest of that interval.
    const full = clock.t
    await failFrom(throttle, ADDRESS_BURST - 1)
    clock.t = full + ADDRESS_DRAIN_MS / 2
    await failFrom(throttle, 1)
    expect(await throttle.retryAfterMs('new@x', '203.0.113.5')).toBe(ADDRESS_DRAIN_MS / 2)
    // A clock set back drains nothing.
    clock.t = full - ADDRESS_DRAIN_MS
    await failFrom(throttle, 1)
    expect((await row('ip:203.0.113.5')).failures).toBe(ADDRESS_BURST + 2)
  })
})

describe('login throttle under concurrency', () => {
  it('counts 60 failures sent at once through two connections (two instances) exactly', async () => {
    const { database, clock, throttle, row } = await setup()
    const other = createClient({ url: `file:${database.filePath}` })
    cleanups.unshift(() => other.close())
    await other.execute('PRAGMA busy_timeout=5000')
    const second = new LoginThrottle(drizzle(other, { schema }), () => clock.t)
    await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? second : throttle).recordFailure('target@x', '198.51.100.7')))
    expect((await row('email:target@x')).failures).toBe(60)
    expect((await row('ip:198.51.100.7')).failures).toBe(60)
  })
})
