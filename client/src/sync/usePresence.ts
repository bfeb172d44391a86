// The people connected to a document, from Yjs awareness, one entry per user id (presence-entries.ts),
// re-read every few seconds as well, so someone turns "away" without any awareness event.
import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { presenceEntries, type PresenceEntry } from './presence-entries'

export type { PresenceEntry } from './presence-entries'

const AGE_CHECK_MS = 2_000

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
      const list = presenceEntries(awareness, selfUserId, Date.now())
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
