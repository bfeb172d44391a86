// A second, read-only live connection to another document of the workspace (the vendor register
// behind derived decisions, the summary's sources). No awareness: the reader does not show up in
// that document's presence list, and nothing is ever written to this Y.Doc.
import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { shouldReconnectAfter } from '../../../../shared/close-codes'
import { syncServerUrl } from '../../sync/sync-url'

export interface ReadOnlyDoc {
  ydoc: Y.Doc | null
  /** True once the server's state has arrived. */
  synced: boolean
}

export function useReadOnlyDoc(documentId: string | null): ReadOnlyDoc {
  const [state, setState] = useState<ReadOnlyDoc>({ ydoc: null, synced: false })
  useEffect(() => {
    if (!documentId) {
      setState({ ydoc: null, synced: false })
      return
    }
    const ydoc = new Y.Doc()
    const provider = new WebsocketProvider(syncServerUrl(), documentId, ydoc, {
      connect: false,
      disableBc: true,
      maxBackoffTime: 5000,
      shouldReconnect: (event) => shouldReconnectAfter(event.code),
    })
    provider.awareness.setLocalState(null)
    const onSync = (synced: boolean) => {
      if (synced) setState({ ydoc, synced: true })
    }
    provider.on('sync', onSync)
    provider.connect()
    setState({ ydoc, synced: false })
    return () => {
      provider.off('sync', onSync)
      provider.destroy()
      ydoc.destroy()
    }
  }, [documentId])
  return state
}
