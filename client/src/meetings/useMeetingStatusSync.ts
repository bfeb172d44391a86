// Start and end reach everyone in the room at once: whoever starts or ends the meeting says so in
// awareness of the notes document (`meeting: { status }`); a page that sees a later status than
// its own re-reads the meeting from the server (the server stays the source of truth).
import { useCallback, useEffect, useRef } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { MeetingStatus } from '../../../shared/api'

const ORDER: Record<MeetingStatus, number> = { scheduled: 0, 'in-progress': 1, ended: 2 }

/** The furthest-along status anyone in the room announces, or null. */
export function announcedStatus(states: ReadonlyMap<number, unknown>): MeetingStatus | null {
  let best: MeetingStatus | null = null
  states.forEach((state) => {
    const status = (state as { meeting?: { status?: unknown } } | null)?.meeting?.status
    if (typeof status === 'string' && status in ORDER && (best === null || ORDER[status as MeetingStatus] > ORDER[best])) {
      best = status as MeetingStatus
    }
  })
  return best
}

export function useMeetingStatusSync(provider: WebsocketProvider | null, status: MeetingStatus, refresh: () => void) {
  const current = useRef(status)
  current.current = status
  const refreshRef = useRef(refresh)
  refreshRef.current = refresh

  useEffect(() => {
    if (!provider) return
    const awareness = provider.awareness
    let asked: MeetingStatus | null = null
    const check = () => {
      const seen = announcedStatus(awareness.getStates())
      if (seen && ORDER[seen] > ORDER[current.current] && asked !== seen) {
        asked = seen
        refreshRef.current()
      }
    }
    check()
    awareness.on('change', check)
    return () => awareness.off('change', check)
  }, [provider])

  return useCallback(
    (next: MeetingStatus) => provider?.awareness.setLocalStateField('meeting', { status: next }),
    [provider],
  )
}
