// The people connected to a document, from Yjs awareness, one entry per user id.
import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { PresenceUser } from '../../../shared/presence'
import { ROLES, type Role } from '../../../shared/roles'

export interface PresenceEntry extends PresenceUser {
  isSelf: boolean
  /** Number of open connections (tabs, devices) of this user. */
  connections: number
}

export function readUser(value: unknown): PresenceUser | null {
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
    const compute = () => {
      const byUser = new Map<string, PresenceEntry>()
      awareness.getStates().forEach((state) => {
        const user = readUser((state as { user?: unknown } | null)?.user)
        if (!user) return
        const existing = byUser.get(user.id)
        if (existing) existing.connections += 1
        else byUser.set(user.id, { ...user, isSelf: user.id === selfUserId, connections: 1 })
      })
      const list = [...byUser.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name))
      // Awareness also changes when someone moves between cells or carets: the page (and the
      // document under it) re-renders only when the list of people does.
      setEntries((current) => (JSON.stringify(current) === JSON.stringify(list) ? current : list))
    }
    compute()
    awareness.on('change', compute)
    return () => awareness.off('change', compute)
  }, [provider, selfUserId])

  return entries
}
