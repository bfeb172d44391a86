// The people connected to a document, from Yjs awareness, one entry per user id.
//
// "Away": every connected client renews its awareness every 15 s (y-protocols), and the server
// relays each renewal. A person none of whose states was renewed for AWAY_AFTER_MS has stopped
// reaching us (offline with a socket the server still thinks is open, a frozen tab): shown as
// away within that time, and dropped by awareness itself at 30 s or by the server's heartbeat.
import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { PresenceUser } from '../../../shared/presence'
import { ROLES, type Role } from '../../../shared/roles'

/** Renewals come every 15–18 s (a 3 s check of a 15 s age); a few seconds more for the network. */
export const AWAY_AFTER_MS = 22_000
/** How often ages are re-read, so someone turns away without any awareness event. */
const AGE_CHECK_MS = 2_000

export interface PresenceEntry extends PresenceUser {
  isSelf: boolean
  /** Number of open connections (tabs, devices) of this user. */
  connections: number
  /** None of this user's connections renewed its presence lately. */
  away: boolean
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

export function usePresence(provider: WebsocketProvider | null, selfUserId: string | undefined): PresenceEntry[] {
  const [entries, setEntries] = useState<PresenceEntry[]>([])

  useEffect(() => {
    if (!provider) {
      setEntries([])
      return
    }
    const awareness = provider.awareness
    let shown = ''
    const compute = () => {
      const now = Date.now()
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
      const list = [...byUser.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name))
      // The age check runs every few seconds: re-render only when something visible changed.
      const key = JSON.stringify(list)
      if (key === shown) return
      shown = key
      setEntries(list)
    }
    compute()
    awareness.on('change', compute)
    const timer = setInterval(compute, AGE_CHECK_MS)
    return () => {
      awareness.off('change', compute)
      clearInterval(timer)
    }
  }, [provider, selfUserId])

  return entries
}
