// Sockets per user and per address are capped: without a cap one session opened 2,000 sockets and
// took the process to its file-descriptor limit, refusing everyone else. Counted at the upgrade,
// before a document is loaded, so a refused socket costs one HTTP answer (429).
import type { Logger } from 'pino'

export const SOCKET_LIMITS = {
  /** A person with every document of a meeting open in a few tabs uses ~10-20; 50 leaves headroom. */
  perUser: 50,
  /**
   * A whole office behind one NAT or proxy shares an address: 1,000 is a hundred people with a
   * meeting's documents open. (200 refused the benchmark's 200 clients on loopback, as it would an office.)
   */
  perAddress: 1000,
} as const

export class ConnectionLimits {
  private readonly byUser = new Map<string, number>()
  private readonly byAddress = new Map<string, number>()
  /** Users and addresses already logged at their limit: one line per breach, not one per refused socket. */
  private readonly logged = new Set<string>()

  constructor(private readonly log: Pick<Logger, 'warn'>, private readonly limits: { perUser: number; perAddress: number } = SOCKET_LIMITS) {}

  /** Reserves a socket; returns its release (safe to call twice), or null when a limit is reached. */
  tryOpen(userId: string, address: string): (() => void) | null {
    const users = this.byUser.get(userId) ?? 0
    const addresses = this.byAddress.get(address) ?? 0
    const breach = users >= this.limits.perUser ? `user:${userId}` : addresses >= this.limits.perAddress ? `address:${address}` : null
    if (breach) {
      if (!this.logged.has(breach)) {
        this.logged.add(breach)
        this.log.warn({ userId, address, userSockets: users, addressSockets: addresses, limits: this.limits }, 'socket limit reached; further upgrades refused with 429')
      }
      return null
    }
    this.byUser.set(userId, users + 1)
    this.byAddress.set(address, addresses + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      this.decrement(this.byUser, userId, `user:${userId}`)
      this.decrement(this.byAddress, address, `address:${address}`)
    }
  }

  private decrement(counts: Map<string, number>, key: string, loggedKey: string): void {
    const n = (counts.get(key) ?? 1) - 1
    if (n <= 0) counts.delete(key)
    else counts.set(key, n)
    this.logged.delete(loggedKey)
  }
}
