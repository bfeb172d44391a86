// The server's notices on a document's sync socket (shared/sync-notices.ts) reach one message
// handler per provider; this lets several parts of the page (restore banner, comments) each listen.
import type { WebsocketProvider } from 'y-websocket'
import { MESSAGE_NOTICE, readNotice, type SyncNotice } from '../../../shared/sync-notices'

type Listener = (notice: SyncNotice) => void
const listenersByProvider = new WeakMap<WebsocketProvider, Set<Listener>>()

/** Calls `listener` with every notice the provider receives; returns the unsubscribe. */
export function listenForNotices(provider: WebsocketProvider, listener: Listener): () => void {
  let listeners = listenersByProvider.get(provider)
  if (!listeners) {
    const created = new Set<Listener>()
    listeners = created
    listenersByProvider.set(provider, created)
    provider.messageHandlers[MESSAGE_NOTICE] = (_encoder, decoder) => {
      const notice = readNotice(decoder)
      if (notice) for (const l of created) l(notice)
    }
  }
  listeners.add(listener)
  const registered = listeners
  return () => { registered.delete(listener) }
}
