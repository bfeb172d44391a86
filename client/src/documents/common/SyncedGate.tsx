// Holds a structured body back until its document has synced once, so nobody sees (or edits)
// template defaults that the server's state is about to replace. Never closes again: after a
// disconnect the last state stays on screen and edits queue locally. No provider = ready.
import { useEffect, useState, type ReactNode } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { PageLoading } from '../../components/PageLoading'

export function useHasSynced(provider: WebsocketProvider | null): boolean {
  const [synced, setSynced] = useState(() => !provider || provider.synced)
  useEffect(() => {
    if (!provider) return setSynced(true)
    if (provider.synced) return setSynced(true)
    setSynced(false)
    const onSync = (isSynced: boolean) => {
      if (isSynced) setSynced(true)
    }
    provider.on('sync', onSync)
    return () => provider.off('sync', onSync)
  }, [provider])
  return synced
}

export function SyncedGate({ provider, children }: { provider: WebsocketProvider | null; children: ReactNode }) {
  return useHasSynced(provider) ? <>{children}</> : <PageLoading label="Loading document…" />
}
