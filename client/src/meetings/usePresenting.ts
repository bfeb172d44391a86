// Presenting over Yjs awareness of the meeting's notes document (everyone in the room is connected
// to it). No server channel: the presenter publishes `presenting`, followers read it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { findPresenter, followMode, presentingWasTakenOver, throttle, type FollowMode, type Presenter, type Presenting } from './presenting'

/** Scroll updates go out at most this often. */
export const SCROLL_THROTTLE_MS = 100

export interface PresentingControls {
  presenter: Presenter | null
  mode: FollowMode
  following: boolean
  setFollowing: (following: boolean) => void
  startPresenting: (documentId: string) => void
  stopPresenting: () => void
  /** The presenter's page reports what it shows (throttled). */
  publish: (position: Omit<Presenting, 'since'>) => void
}

export function usePresenting(provider: WebsocketProvider | null): PresentingControls {
  const [presenter, setPresenter] = useState<Presenter | null>(null)
  const [selfPresenting, setSelfPresenting] = useState(false)
  const [following, setFollowing] = useState(true)
  const sinceRef = useRef(0)
  const selfClientId = provider?.awareness.clientID ?? -1

  useEffect(() => {
    if (!provider) {
      setPresenter(null)
      return
    }
    const awareness = provider.awareness
    const compute = () => setPresenter(findPresenter(awareness.getStates()))
    compute()
    awareness.on('change', compute)
    return () => awareness.off('change', compute)
  }, [provider])

  const send = useMemo(
    () =>
      throttle((p: Presenting) => {
        if (provider && sinceRef.current === p.since) provider.awareness.setLocalStateField('presenting', p)
      }, SCROLL_THROTTLE_MS),
    [provider],
  )
  useEffect(() => () => send.cancel(), [send])

  const startPresenting = useCallback(
    (documentId: string) => {
      if (!provider) return
      sinceRef.current = Date.now()
      send.cancel()
      provider.awareness.setLocalStateField('presenting', { documentId, scrollTop: 0, scrollRatio: 0, since: sinceRef.current })
      setSelfPresenting(true)
    },
    [provider, send],
  )

  const stopPresenting = useCallback(() => {
    sinceRef.current = 0
    send.cancel()
    provider?.awareness.setLocalStateField('presenting', null)
    setSelfPresenting(false)
  }, [provider, send])

  const publish = useCallback(
    (position: Omit<Presenting, 'since'>) => {
      if (sinceRef.current) send({ ...position, since: sinceRef.current })
    },
    [send],
  )

  // Someone else pressed "Present" after us: they present now.
  useEffect(() => {
    if (presentingWasTakenOver(selfPresenting, presenter, selfClientId)) stopPresenting()
  }, [selfPresenting, presenter, selfClientId, stopPresenting])

  // A new presenter starts with everyone following again.
  const presenterKey = presenter ? `${presenter.clientId}:${presenter.presenting.since}` : ''
  useEffect(() => {
    if (presenterKey) setFollowing(true)
  }, [presenterKey])

  return {
    presenter,
    mode: followMode(presenter, selfClientId, following),
    following,
    setFollowing,
    startPresenting,
    stopPresenting,
    publish,
  }
}
