// Listens for the server's "restored" notice on a document's sync socket (shared/sync-notices.ts),
// so everyone with the document open learns who restored which version.
import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { RestoredNotice } from '../../../shared/sync-notices'
import { listenForNotices } from './notice-listeners'

export function useRestoreNotice(provider: WebsocketProvider | null): [RestoredNotice | null, () => void] {
  const [notice, setNotice] = useState<RestoredNotice | null>(null)
  useEffect(() => {
    if (!provider) return
    setNotice(null)
    return listenForNotices(provider, (received) => {
      if (received.type === 'restored') setNotice(received)
    })
  }, [provider])
  return [notice, () => setNotice(null)]
}
