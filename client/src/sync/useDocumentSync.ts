// One Y.Doc + WebsocketProvider per open document, and the connection state shown on the page.
//
// Local edits always go into the local Y.Doc first. While the socket is down they stay there, and
// y-websocket sends them on the next connection (the server's sync step 1 asks for everything it
// lacks), so nothing here may clear or replace the Y.Doc while the page is open. For writers the
// Y.Doc is also kept in IndexedDB (local-copy.ts), so those edits survive a closed tab too.
//
// "Unsent" is what we can tell honestly without acknowledgements (y-websocket has none): local
// changes made while the socket was not connected, until the next sync with the server (its sync
// step 2, which arrives after our reply to its sync step 1 has carried those changes). While there
// are any, closing the page asks first (see useWarnBeforeUnload below).
//
// One exception: a restore that removed content nested beyond the limits (stored before them)
// closes the socket with CloseCode.documentReplaced. Applying that deletion takes Yjs one call per
// nesting level, past the browser's stack, so the Y.Doc and its local copy are replaced by a fresh
// one that loads the restored document (edits not yet sent at that moment are lost with it).
import { useEffect, useReducer, useRef, useState } from 'react'
import * as Y from 'yjs'
import { WebsocketProvider, messageAuth } from 'y-websocket'
import * as authProtocol from 'y-protocols/auth'
import type { DocumentWithAccessDto } from '../../../shared/api'
import { CloseCode, READ_ONLY_DENIAL, shouldReconnectAfter } from '../../../shared/close-codes'
import type { PresenceUser } from '../../../shared/presence'
import { api, ApiRequestError } from '../api'
import {
  connectionReducer,
  initialConnection,
  noAccessReasonForClose,
  stopReason,
  visibleState,
  withheldReason,
  type ConnectionEvent,
  type ConnectionState,
  type NoAccessReason,
  type StopReason,
} from './connection-state'
import { discardLocalCopy, isFromLocalCopy, keepLocalCopy } from './local-copy'
import { syncServerUrl } from './sync-url'
import { useWarnBeforeUnload } from './useWarnBeforeUnload'

/** Upper bound of y-websocket's exponential reconnect backoff. */
const MAX_BACKOFF_MS = 5000
/** A refused connection is explained by GET /api/documents/:id at most this often. */
const PROBE_INTERVAL_MS = 2000

export interface DocumentSyncOptions {
  /** Our presence identity (the server overwrites it with the authenticated one anyway). */
  user?: PresenceUser | null
  /**
   * Called with fresh access from GET /api/documents/:id after a 4403 "access changed" close,
   * and when a refused connection turned out not to be an access problem.
   */
  onAccessChange?: (access: DocumentWithAccessDto) => void
  /**
   * The signed-in user's id when they can write: their edits are then kept in this browser across
   * closed tabs. Null or absent (viewers, or access not known yet): nothing is stored.
   */
  localCopyFor?: string | null
}

/**
 * Where local edits would live while the server cannot be reached: 'browser' once the IndexedDB
 * copy is loaded, 'tab' for a writer without one (yet, or the browser has none), 'none' otherwise.
 */
export type LocalCopyState = 'browser' | 'tab' | 'none'

export interface DocumentSync {
  /** Null until the effect has created them (first render) and after unmount. */
  ydoc: Y.Doc | null
  provider: WebsocketProvider | null
  state: ConnectionState
  /** Why the state is "no-access". */
  noAccessReason: NoAccessReason | null
  /** Whether this page has received the document from the server at least once. */
  everSynced: boolean
  /** Why syncing stopped for good (see stopped-messages.ts for the words); null while it goes on. */
  stopReason: StopReason | null
  /** Set when syncing stopped before the document arrived: show why instead of an empty body. */
  withheldReason: StopReason | null
  /** The server answered an update with "permission denied": the editor must be read-only. */
  serverReadOnly: boolean
  /** Local changes made while the socket was down; reset once the document has synced again. */
  unsentChanges: number
  localCopy: LocalCopyState
  lastCloseCode: number | null
}

export function useDocumentSync(documentId: string, options: DocumentSyncOptions = {}): DocumentSync {
  const [connection, setConnection] = useState<{ ydoc: Y.Doc; provider: WebsocketProvider } | null>(null)
  const [machine, dispatch] = useReducer(connectionReducer, undefined, () => initialConnection(navigator.onLine))
  const [serverReadOnly, setServerReadOnly] = useState(false)
  const [unsentChanges, setUnsentChanges] = useState(0)
  const [localCopyLoaded, setLocalCopyLoaded] = useState(false)
  /** Bumped to open the document afresh (CloseCode.documentReplaced). */
  const [generation, setGeneration] = useState(0)
  const optionsRef = useRef(options)
  useEffect(() => {
    optionsRef.current = options
  })

  useEffect(() => {
    dispatch({ type: 'reset', browserOnline: navigator.onLine })
    setServerReadOnly(false)
    setUnsentChanges(0)

    const ydoc = new Y.Doc()
    const provider = new WebsocketProvider(syncServerUrl(), documentId, ydoc, {
      connect: false,
      disableBc: true,
      maxBackoffTime: MAX_BACKOFF_MS,
      // The shared list decides: "access changed" reconnects to be checked again; 4401, 4404 and
      // the "this change can never be accepted" codes stop the provider.
      shouldReconnect: (event) => shouldReconnectAfter(event.code),
    })

    let disposed = false
    let terminal = false
    let socketOpened = false
    let probing = false
    let lastProbeAt = 0

    const send = (event: ConnectionEvent) => {
      if (!disposed) dispatch(event)
    }
    /** Stops for good. `disconnect` is false inside provider callbacks (the provider already stopped). */
    const finish = (event: ConnectionEvent, disconnect: boolean) => {
      if (terminal || disposed) return
      terminal = true
      if (disconnect) provider.disconnect()
      send(event)
    }

    // A refused upgrade (401/403/404) reaches the browser as a bare failed connection, so ask the
    // HTTP API what the reason is. Also used after 4403 to learn the new role.
    const probeAccess = async (force: boolean) => {
      if (terminal || disposed) return
      if (!force && (probing || Date.now() - lastProbeAt < PROBE_INTERVAL_MS)) return
      probing = true
      lastProbeAt = Date.now()
      try {
        const access = await api.getDocument(documentId, { quiet401: true })
        if (terminal || disposed) return
        if (access.document.archivedAt) {
          finish({ type: 'no-access', reason: 'archived' }, true)
          return
        }
        if (access.canWrite) setServerReadOnly(false)
        optionsRef.current.onAccessChange?.(access)
      } catch (error) {
        if (!(error instanceof ApiRequestError)) return
        if (error.status === 401) finish({ type: 'signed-out' }, true)
        else if (error.status === 403) finish({ type: 'no-access', reason: 'forbidden' }, true)
        else if (error.status === 404) finish({ type: 'no-access', reason: 'not-found' }, true)
        // 0 (unreachable) and 5xx: the provider keeps retrying.
      } finally {
        probing = false
      }
    }

    provider.on('status', ({ status }) => {
      if (status !== 'connected') return
      socketOpened = true
      // Announce our presence with a newer clock: the others may have dropped it (we were offline)
      // at the clock we last sent, and y-protocols ignores a state whose clock is not newer.
      const presence = provider.awareness.getLocalState()
      if (presence) provider.awareness.setLocalState(presence)
    })
    provider.on('sync', (synced) => {
      if (!synced) return
      send({ type: 'synced' })
      if (!disposed) setUnsentChanges(0)
    })
    provider.on('connection-close', (event) => {
      const wasOpen = socketOpened
      socketOpened = false
      send({ type: 'socket-closed', code: event?.code ?? null })
      if (!event) return // closed by us (disconnect, offline, watchdog)
      const stopped = noAccessReasonForClose(event.code)
      if (event.code === CloseCode.documentReplaced) {
        const userId = optionsRef.current.localCopyFor
        void (userId ? discardLocalCopy(userId, documentId) : Promise.resolve()).finally(() => {
          if (!disposed) setGeneration((g) => g + 1)
        })
      } else if (event.code === CloseCode.unauthenticated) finish({ type: 'signed-out' }, false)
      else if (stopped) finish({ type: 'no-access', reason: stopped }, false)
      else if (event.code === CloseCode.accessChanged) void probeAccess(true)
      else if (!wasOpen) void probeAccess(false)
    })

    // Fallback for viewers: the server dropped our update and said so. Stay connected, stop editing.
    provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, ydoc, (_doc: unknown, reason: string) => {
        if (reason !== READ_ONLY_DENIAL) console.warn(`[sync] permission denied: ${reason}`)
        if (!disposed) setServerReadOnly(true)
      })
    }

    const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
      // Edits loaded from the local copy are already stored in this browser: closing loses nothing.
      if (origin === provider || isFromLocalCopy(origin)) return
      if (!provider.wsconnected && !disposed) setUnsentChanges((n) => n + 1)
    }
    ydoc.on('update', onDocUpdate)

    const onOffline = () => {
      send({ type: 'browser-offline' })
      if (!terminal) provider.disconnect()
    }
    const onOnline = () => {
      send({ type: 'browser-online' })
      if (!terminal) provider.connect()
    }
    window.addEventListener('offline', onOffline)
    window.addEventListener('online', onOnline)

    const user = optionsRef.current.user
    if (user) provider.awareness.setLocalStateField('user', user)
    provider.connect()
    setConnection({ ydoc, provider })

    return () => {
      disposed = true
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
      ydoc.off('update', onDocUpdate)
      provider.destroy()
      ydoc.destroy()
      setConnection(null)
    }
  }, [documentId, generation])

  // The local copy starts once we know the user may write (the page learns that after the Y.Doc
  // exists); what it loads merges into whatever the server has sent by then, in any order.
  const ydoc = connection?.ydoc ?? null
  const localCopyFor = options.localCopyFor ?? null
  useEffect(() => {
    setLocalCopyLoaded(false)
    if (!ydoc || !localCopyFor) return
    const copy = keepLocalCopy(localCopyFor, documentId, ydoc)
    if (!copy) return
    let closed = false
    void copy.whenLoaded.then(() => {
      if (!closed) setLocalCopyLoaded(true)
    })
    return () => {
      closed = true
      copy.close()
    }
  }, [ydoc, localCopyFor, documentId])

  useWarnBeforeUnload(unsentChanges > 0)

  const provider = connection?.provider ?? null
  const user = options.user
  useEffect(() => {
    if (provider && user) provider.awareness.setLocalStateField('user', user)
  }, [provider, user?.id, user?.name, user?.color, user?.role]) // eslint-disable-line react-hooks/exhaustive-deps

  return {
    ydoc: connection?.ydoc ?? null,
    provider,
    state: visibleState(machine),
    noAccessReason: machine.noAccessReason,
    everSynced: machine.everSynced,
    stopReason: stopReason(machine),
    withheldReason: withheldReason(machine),
    serverReadOnly,
    unsentChanges,
    localCopy: !localCopyFor ? 'none' : localCopyLoaded ? 'browser' : 'tab',
    lastCloseCode: machine.lastCloseCode,
  }
}
