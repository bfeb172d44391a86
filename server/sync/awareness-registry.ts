// The awareness states of one room. The server never trusts a client's claimed identity: it drops
// entries that claim another user or another connection's client id, and stamps every accepted
// state with the authenticated user, so the presence list and carets always show who is really there.
import { colorForUser } from '../../shared/presence'
import type { Connection } from './connection'
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from './protocol'

const MAX_CLIENT_IDS_PER_CONNECTION = 8

interface Entry { clock: number; stateJson: string; owner: Connection }

export class AwarenessRegistry {
  private entries = new Map<number, Entry>()

  get size(): number {
    return this.entries.size
  }

  /** Applies a client's awareness update; returns the update to relay to others, or null if nothing was accepted. */
  accept(conn: Connection, update: Uint8Array): Uint8Array | null {
    const accepted: { clientId: number; clock: number; stateJson: string }[] = []
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
      this.entries.set(entry.clientId, { clock: entry.clock, stateJson, owner: conn })
      conn.awarenessClientIds.add(entry.clientId)
      accepted.push({ clientId: entry.clientId, clock: entry.clock, stateJson })
    }
    return accepted.length > 0 ? encodeAwarenessUpdate(accepted) : null
  }

  /**
   * Removes a closed connection's states; returns the removal update to relay, or null. The removal
   * keeps the state's clock (y-protocols removes on an equal clock when the state is null): with
   * clock + 1 it took the value the client's own next state would carry, so peers ignored that
   * state when the client came back.
   */
  removeConnection(conn: Connection): Uint8Array | null {
    const removed: { clientId: number; clock: number; stateJson: string }[] = []
    for (const clientId of conn.awarenessClientIds) {
      const entry = this.entries.get(clientId)
      if (!entry || entry.owner !== conn) continue
      this.entries.delete(clientId)
      removed.push({ clientId, clock: entry.clock, stateJson: 'null' })
    }
    conn.awarenessClientIds.clear()
    return removed.length > 0 ? encodeAwarenessUpdate(removed) : null
  }

  /** Every current state, for a newly connected client; null if there are none. */
  snapshot(): Uint8Array | null {
    if (this.entries.size === 0) return null
    return encodeAwarenessUpdate([...this.entries].map(([clientId, e]) => ({ clientId, clock: e.clock, stateJson: e.stateJson })))
  }
}
