// Listens for the server's "restored" notice on a document's sync socket (shared/sync-notices.ts),
// so everyone with the document open learns who restored which version. A hook of its own, beside
// useDocumentSync: it only adds one message handler to the provider that hook created.
import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { MESSAGE_NOTICE, readNotice, type RestoredNotice } from '../../../shared/sync-notices'

export function useRestoreNotice(provider: WebsocketProvider | null): [RestoredNotice | null, () => void] {
  const [notice, setNotice] = useState<RestoredNotice | null>(null)
  useEffect(() => {
    if (!provider) return
    setNotice(null)
    provider.messageHandlers[MESSAGE_NOTICE] = (_encoder, decoder) => {
      const received = readNotice(decoder)
      if (received?.type === 'restored') setNotice(received)
    }
    return () => {
      delete provider.messageHandlers[MESSAGE_NOTICE]
    }
  }, [provider])
  return [notice, () => setNotice(null)]
}
