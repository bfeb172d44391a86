// Awareness states → one presence entry per person, with "away". Pure, so it is tested without a socket.
//
// "Away": every connected client renews its awareness every 15 s (y-protocols), and the server
// relays each renewal. A person none of whose states was renewed for AWAY_AFTER_MS has stopped
// reaching us (offline while the server still thinks its socket is open, a frozen tab): shown as
// away, until awareness drops the state at 30 s or the server's heartbeat drops the socket.
import type { PresenceUser } from '../../../shared/presence'
import { ROLES, type Role } from '../../../shared/roles'

/** Renewals come every 15–18 s (a 3 s check of a 15 s age); a few seconds more for the network. */
export const AWAY_AFTER_MS = 22_000

export interface PresenceEntry extends PresenceUser {
  isSelf: boolean
  /** Number of open connections (tabs, devices) of this user. */
  connections: number
  /** None of this user's connections renewed its presence lately. */
  away: boolean
}

export interface AwarenessView {
  clientID: number
  getStates(): Map<number, unknown>
  meta: Map<number, { lastUpdated: number }>
}

function readUser(value: unknown): PresenceUser | null {
  if (!value || typeof value !== 'object') return null
  const u = value as Record<string, unknown>
  if (typeof u.id !== 'string' || typeof u.name !== 'string') return null
  return {
    id: u.id,
    name: u.name,
    color: typeof u.color === 'string' ? u.color : '#64748b',
    role: ROLES.includes(u.role as Role) ? (u.role as Role) : 'viewer',
  }
}

export function presenceEntries(awareness: AwarenessView, selfUserId: string | undefined, now: number): PresenceEntry[] {
  const byUser = new Map<string, PresenceEntry>()
  awareness.getStates().forEach((state, clientId) => {
    const user = readUser((state as { user?: unknown } | null)?.user)
    if (!user) return
    const lastUpdated = awareness.meta.get(clientId)?.lastUpdated ?? now
    const away = clientId !== awareness.clientID && now - lastUpdated > AWAY_AFTER_MS
    const existing = byUser.get(user.id)
    if (existing) {
      existing.connections += 1
      existing.away &&= away
    } else {
      byUser.set(user.id, { ...user, isSelf: user.id === selfUserId, connections: 1, away })
    }
  })
  return [...byUser.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name))
}
