// Limits on sync step 1 (a client's "what am I missing?"). Each one makes the server encode and send
// the difference, so it is cheap to ask and expensive to answer: 20,000 of them made the server send
// 162 MB, and ten 8 MB state vectors stalled it 3.6 s. A client sends one when it connects (and, if
// configured, on a resync timer), so a small burst and a low rate are generous.
import type { Connection } from './connection'

export const SYNC_STEP_1_LIMITS = {
  /** Bytes of one state vector: about 6,000 writers' client ids and clocks. A breach closes the socket (4414). */
  maxStateVectorBytes: 64 * 1024,
  /** Sync step 1 messages one connection may send at once… */
  burst: 10,
  /** …refilled at this many a second; beyond that the socket is closed (4429). */
  perSecond: 2,
} as const

/** A token bucket per connection: answers whether one more sync step 1 is within the rate. */
export class SyncRequestBudget {
  private buckets = new WeakMap<Connection, { tokens: number; at: number }>()

  constructor(private now: () => number = Date.now) {}

  take(conn: Connection): boolean {
    const now = this.now()
    const bucket = this.buckets.get(conn) ?? { tokens: SYNC_STEP_1_LIMITS.burst, at: now }
    bucket.tokens = Math.min(SYNC_STEP_1_LIMITS.burst, bucket.tokens + ((now - bucket.at) / 1000) * SYNC_STEP_1_LIMITS.perSecond)
    bucket.at = now
    this.buckets.set(conn, bucket)
    if (bucket.tokens < 1) return false
    bucket.tokens -= 1
    return true
  }
}
