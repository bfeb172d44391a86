// Scroll of the meeting room's stage: the presenter's is published; a follower's is driven by the
// presenter's and snaps back when the follower scrolls away (until they stop following).
import { useEffect, useRef, type RefObject } from 'react'
import { isAtScroll, scrollPosition, scrollTargetFor, type FollowMode, type Presenter, type Presenting } from './presenting'

/** A follower who scrolled away is brought back once their scrolling pauses this long. */
const SNAP_BACK_MS = 150

export function useFollowScroll(
  pane: RefObject<HTMLElement | null>,
  mode: FollowMode,
  presenter: Presenter | null,
  shownDocumentId: string | null,
  publish: (position: Omit<Presenting, 'since'>) => void,
) {
  const target = useRef<Presenting | null>(null)
  target.current = mode === 'following' && presenter ? presenter.presenting : null

  // A different document starts at the top (the follower's position comes right after).
  useEffect(() => {
    if (pane.current) pane.current.scrollTop = 0
  }, [pane, shownDocumentId])

  // Presenter: publish the document and the position, now and on every scroll (throttled upstream).
  useEffect(() => {
    const el = pane.current
    if (mode !== 'presenting' || !el || !shownDocumentId) return
    const report = () => publish({ documentId: shownDocumentId, ...scrollPosition(el.scrollTop, el.scrollHeight, el.clientHeight) })
    report()
    el.addEventListener('scroll', report, { passive: true })
    return () => el.removeEventListener('scroll', report)
  }, [pane, mode, shownDocumentId, publish])

  // Follower: go where the presenter is; again whenever the content changes size (loading, edits).
  const presenting = mode === 'following' ? presenter?.presenting : undefined
  useEffect(() => {
    const el = pane.current
    if (!el || !presenting || presenting.documentId !== shownDocumentId) return
    const apply = () => {
      const p = target.current
      if (!p || p.documentId !== shownDocumentId) return
      const top = scrollTargetFor(p, el.scrollHeight, el.clientHeight)
      if (!isAtScroll(el.scrollTop, top)) el.scrollTop = top
    }
    apply()
    let timer: ReturnType<typeof setTimeout> | null = null
    const onScroll = () => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(apply, SNAP_BACK_MS)
    }
    el.addEventListener('scroll', onScroll, { passive: true })
    const observer = new ResizeObserver(apply)
    observer.observe(el)
    if (el.firstElementChild) observer.observe(el.firstElementChild)
    return () => {
      if (timer) clearTimeout(timer)
      el.removeEventListener('scroll', onScroll)
      observer.disconnect()
    }
  }, [pane, presenting, shownDocumentId])
}
