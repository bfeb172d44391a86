// Action items reach everyone in the room without a reload, the way start and end do: whoever
// changes one bumps a counter in their awareness of the notes document (`actions: { rev }`), and a
// page that sees another client's counter move re-reads the items from the server (the source of truth).
import { useCallback, useEffect, useRef } from 'react'
import type { WebsocketProvider } from 'y-websocket'

/** Each other client's announced counter. */
export function announcedRevisions(states: ReadonlyMap<number, unknown>, self: number): Map<number, number> {
  const revs = new Map<number, number>()
  states.forEach((state, clientId) => {
    const rev = (state as { actions?: { rev?: unknown } } | null)?.actions?.rev
    if (clientId !== self && typeof rev === 'number') revs.set(clientId, rev)
  })
  return revs
}

export function useActionsSync(provider: WebsocketProvider | null, reload: () => void) {
  const reloadRef = useRef(reload)
  reloadRef.current = reload
  const rev = useRef(0)

  useEffect(() => {
    if (!provider) return
    const awareness = provider.awareness
    let seen = announcedRevisions(awareness.getStates(), awareness.clientID)
    const check = () => {
      const now = announcedRevisions(awareness.getStates(), awareness.clientID)
      const moved = [...now].some(([clientId, r]) => seen.get(clientId) !== r)
      seen = now
      if (moved) reloadRef.current()
    }
    awareness.on('change', check)
    return () => awareness.off('change', check)
  }, [provider])

  /** Tell the room that the items changed. */
  return useCallback(() => {
    rev.current += 1
    provider?.awareness.setLocalStateField('actions', { rev: rev.current })
  }, [provider])
}
