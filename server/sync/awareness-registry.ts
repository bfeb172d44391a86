// The awareness states of one room. The server never trusts a client's claimed identity: it drops
// entries that claim another user or another connection's client id, and stamps every accepted
// state with the authenticated user, so the presence list and carets always show who is really there.
// States are bounded in size and relays in rate (awareness-limits.ts): a burst from one connection
// is coalesced into at most a few relays a second, each carrying the latest state.
import { CloseCode, CloseReason } from '../../shared/close-codes'
import { colorForUser } from '../../shared/presence'
import { AWARENESS_LIMITS, MAX_AWARENESS_UPDATE_BYTES, MAX_CLIENT_IDS_PER_CONNECTION } from './awareness-limits'
import type { Connection } from './connection'
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from './protocol'

interface Entry { clock: number; stateJson: string; owner: Connection }
/** A state of someone connected to another instance (several instances), as that instance stamped it. */
interface RemoteEntry { clock: number; stateJson: string; seenAt: number }
type Relayed = { clientId: number; clock: number; stateJson: string }

/** What a connection has accepted but not yet relayed, and when it last relayed. */
interface Throttle { lastRelayAt: number; pending: Map<number, Relayed>; timer: ReturnType<typeof setTimeout> | null }

export class AwarenessRegistry {
  private entries = new Map<number, Entry>()
  private remote = new Map<number, RemoteEntry>()
  private throttles = new Map<Connection, Throttle>()

  /**
   * `relay` sends a coalesced update later, to everyone but `from` (the room's broadcast). `contain`
   * wraps that timer's callback so a fault in it is logged and handled, never an uncaughtException.
   */
  constructor(
    private readonly relay: (update: Uint8Array, from: Connection) => void = () => {},
    private readonly limits: { maxStateBytes: number; relayIntervalMs: number } = AWARENESS_LIMITS,
    private readonly now: () => number = Date.now,
    private readonly contain: (what: string, fn: () => void) => () => void = (_what, fn) => fn,
  ) {}

  get size(): number {
    return this.entries.size
  }

  /**
   * Applies a client's awareness update; returns the update to relay to others now, or null if nothing
   * was accepted or the relay is deferred (it then goes out through `relay`). A state over the size
   * limit closes the connection (4413) and changes nothing.
   */
  accept(conn: Connection, update: Uint8Array): Uint8Array | null {
    if (update.byteLength > MAX_AWARENESS_UPDATE_BYTES) return this.refuse(conn)
    const accepted: Relayed[] = []
    for (const entry of decodeAwarenessUpdate(update)) {
      const existing = this.entries.get(entry.clientId)
      if (existing && existing.owner !== conn) {
        if (existing.owner.user.id !== conn.user.id) continue
        // The same person's new socket (a page back online before we noticed its old socket die)
        // takes its client id over; otherwise its presence stayed frozen, then vanished with the old socket.
        existing.owner.awarenessClientIds.delete(entry.clientId)
        existing.owner = conn
        conn.awarenessClientIds.add(entry.clientId)
      }
      if (!existing && !conn.awarenessClientIds.has(entry.clientId) && conn.awarenessClientIds.size >= MAX_CLIENT_IDS_PER_CONNECTION) continue
      if (existing && entry.clock <= existing.clock) continue
      // Pages echo the states they receive: one no newer than a state from another instance is that echo.
      const remote = existing ? undefined : this.remote.get(entry.clientId)
      if (remote && entry.clock <= remote.clock) continue
      if (entry.state === null) {
        if (existing) this.entries.delete(entry.clientId)
        conn.awarenessClientIds.delete(entry.clientId)
        accepted.push({ clientId: entry.clientId, clock: entry.clock, stateJson: 'null' })
        continue
      }
      const claimed = entry.state.user as { id?: unknown } | undefined
      if (claimed && typeof claimed === 'object' && claimed.id !== undefined && claimed.id !== conn.user.id) continue
      const state = { ...entry.state, user: { id: conn.user.id, name: conn.user.name, color: colorForUser(conn.user.id), role: conn.role } }
      const stateJson = JSON.stringify(state)
      if (Buffer.byteLength(stateJson) > this.limits.maxStateBytes) return this.refuse(conn)
      this.entries.set(entry.clientId, { clock: entry.clock, stateJson, owner: conn })
      // A newer state of a page that was on another instance: it moved here, and this connection owns it now.
      if (remote) this.remote.delete(entry.clientId)
      conn.awarenessClientIds.add(entry.clientId)
      accepted.push({ clientId: entry.clientId, clock: entry.clock, stateJson })
    }
    if (accepted.length === 0) return null
    return this.throttle(conn, accepted)
  }

  /**
   * Removes a closed connection's states; returns the removal update to relay, or null. The removal
   * keeps the state's clock (y-protocols removes on an equal clock when the state is null): with
   * clock + 1 it took the value the client's own next state would carry, so peers ignored that
   * state when the client came back.
   */
  removeConnection(conn: Connection): Uint8Array | null {
    const throttle = this.throttles.get(conn)
    if (throttle?.timer) clearTimeout(throttle.timer)
    this.throttles.delete(conn)
    const removed: Relayed[] = []
    for (const clientId of conn.awarenessClientIds) {
      const entry = this.entries.get(clientId)
      if (!entry || entry.owner !== conn) continue
      this.entries.delete(clientId)
      removed.push({ clientId, clock: entry.clock, stateJson: 'null' })
    }
    conn.awarenessClientIds.clear()
    return removed.length > 0 ? encodeAwarenessUpdate(removed) : null
  }

  /** Every current state (of people here and, with several instances, elsewhere), for a newly connected client; null if none. */
  snapshot(): Uint8Array | null {
    if (this.entries.size === 0 && this.remote.size === 0) return null
    return encodeAwarenessUpdate([...this.entries, ...this.remote].map(([clientId, e]) => ({ clientId, clock: e.clock, stateJson: e.stateJson })))
  }

  /** Who has a presence state on other instances (people connected here are the room's connections). */
  remoteUserIds(): Set<string> {
    const ids = new Set<string>()
    for (const e of this.remote.values()) {
      const user = (JSON.parse(e.stateJson) as { user?: { id?: unknown } } | null)?.user
      if (typeof user?.id === 'string') ids.add(user.id)
    }
    return ids
  }

  /** The states of the people connected here only (what this instance tells the others); null if none. */
  localSnapshot(): Uint8Array | null {
    if (this.entries.size === 0) return null
    return encodeAwarenessUpdate([...this.entries].map(([clientId, e]) => ({ clientId, clock: e.clock, stateJson: e.stateJson })))
  }

  /**
   * Several instances: states another instance published (already checked and stamped there).
   * Returns what changed, to relay to the connections here; a state seen again only renews it.
   */
  applyRemote(update: Uint8Array, now: number): Uint8Array | null {
    const changed: Relayed[] = []
    for (const e of decodeAwarenessUpdate(update)) {
      if (this.entries.has(e.clientId)) continue
      const existing = this.remote.get(e.clientId)
      if (existing && e.clock < existing.clock) continue
      if (e.state === null) {
        if (!existing) continue
        this.remote.delete(e.clientId)
        changed.push({ clientId: e.clientId, clock: e.clock, stateJson: 'null' })
        continue
      }
      const stateJson = JSON.stringify(e.state)
      this.remote.set(e.clientId, { clock: e.clock, stateJson, seenAt: now })
      if (!existing || existing.clock !== e.clock || existing.stateJson !== stateJson) changed.push({ clientId: e.clientId, clock: e.clock, stateJson })
    }
    return changed.length > 0 ? encodeAwarenessUpdate(changed) : null
  }

  /** Drops the remote states not renewed since `before` (their instance died); returns the removal to relay, or null. */
  expireRemote(before: number): Uint8Array | null {
    const removed: Relayed[] = []
    for (const [clientId, e] of this.remote) {
      if (e.seenAt >= before) continue
      this.remote.delete(clientId)
      removed.push({ clientId, clock: e.clock, stateJson: 'null' })
    }
    return removed.length > 0 ? encodeAwarenessUpdate(removed) : null
  }

  private refuse(conn: Connection): null {
    conn.close(CloseCode.awarenessTooLarge, CloseReason[CloseCode.awarenessTooLarge])
    return null
  }

  /** Relays now if this connection has not relayed within the interval; otherwise keeps the latest and flushes later. */
  private throttle(conn: Connection, accepted: Relayed[]): Uint8Array | null {
    let t = this.throttles.get(conn)
    if (!t) this.throttles.set(conn, (t = { lastRelayAt: -Infinity, pending: new Map(), timer: null }))
    const now = this.now()
    if (t.timer === null && now - t.lastRelayAt >= this.limits.relayIntervalMs) {
      t.lastRelayAt = now
      return encodeAwarenessUpdate(accepted)
    }
    for (const e of accepted) t.pending.set(e.clientId, e)
    if (t.timer === null) {
      const throttle = t
      throttle.timer = setTimeout(this.contain('relaying coalesced presence', () => {
        throttle.timer = null
        throttle.lastRelayAt = this.now()
        const pending = [...throttle.pending.values()]
        throttle.pending.clear()
        if (pending.length > 0 && conn.isOpen()) this.relay(encodeAwarenessUpdate(pending), conn)
      }), Math.max(0, this.limits.relayIntervalMs - (now - t.lastRelayAt)))
    }
    return null
  }
}
