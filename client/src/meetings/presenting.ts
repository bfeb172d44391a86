// Presenting in the meeting room, carried in Yjs awareness of the meeting's notes document.
// The presenter's state has `presenting: { documentId, scrollTop, scrollRatio, since }`; everyone
// else reads it and, while following, shows that document at that scroll position. Pure functions
// only: the hook (usePresenting) and the room wire them to awareness and the DOM.
import { canEditDocuments, ROLES, type Role } from '../../../shared/roles'

export interface Presenting {
  documentId: string
  scrollTop: number
  /** scrollTop / (scrollHeight - clientHeight), 0..1: survives different window sizes. */
  scrollRatio: number
  /** When this presenter started (ms since epoch): the latest one to start wins. */
  since: number
}

export interface Presenter {
  clientId: number
  userId: string
  name: string
  color: string
  role: Role
  presenting: Presenting
}

/** What this page does about presenting right now. */
export type FollowMode =
  | 'alone' // nobody is presenting
  | 'presenting' // this page is the presenter
  | 'following' // showing the presenter's document and scroll position
  | 'free' // someone presents, this page chose not to follow

const finite = (n: unknown, fallback = 0) => (typeof n === 'number' && Number.isFinite(n) ? n : fallback)

export function readPresenting(value: unknown): Presenting | null {
  if (!value || typeof value !== 'object') return null
  const p = value as Record<string, unknown>
  if (typeof p.documentId !== 'string' || p.documentId === '') return null
  return {
    documentId: p.documentId,
    scrollTop: Math.max(0, finite(p.scrollTop)),
    scrollRatio: Math.min(1, Math.max(0, finite(p.scrollRatio))),
    since: finite(p.since),
  }
}

/**
 * The presenter among awareness states: someone whose (server-stamped) role may present, and of
 * several, the one who started last (ties: lowest client id, so every page picks the same one).
 */
export function findPresenter(states: ReadonlyMap<number, unknown>): Presenter | null {
  let best: Presenter | null = null
  states.forEach((raw, clientId) => {
    if (!raw || typeof raw !== 'object') return
    const state = raw as { user?: Record<string, unknown>; presenting?: unknown }
    const presenting = readPresenting(state.presenting)
    const user = state.user
    if (!presenting || !user || typeof user.id !== 'string') return
    const role = ROLES.includes(user.role as Role) ? (user.role as Role) : 'viewer'
    if (!canEditDocuments(role)) return
    const candidate: Presenter = {
      clientId,
      userId: user.id,
      name: typeof user.name === 'string' ? user.name : 'Someone',
      color: typeof user.color === 'string' ? user.color : '#64748b',
      role,
      presenting,
    }
    if (
      !best ||
      presenting.since > best.presenting.since ||
      (presenting.since === best.presenting.since && clientId < best.clientId)
    ) {
      best = candidate
    }
  })
  return best
}

export function followMode(presenter: Presenter | null, selfClientId: number, following: boolean): FollowMode {
  if (!presenter) return 'alone'
  if (presenter.clientId === selfClientId) return 'presenting'
  return following ? 'following' : 'free'
}

/** This page presents, but someone started after it: it should stop (they took over). */
export function presentingWasTakenOver(selfPresenting: boolean, presenter: Presenter | null, selfClientId: number): boolean {
  return selfPresenting && presenter !== null && presenter.clientId !== selfClientId
}

/** The document a page shows: the presenter's while following (if it is on the agenda), else its own choice. */
export function shownDocument(
  mode: FollowMode,
  presenter: Presenter | null,
  ownChoice: string | null,
  agendaIds: readonly string[],
): string | null {
  if (mode === 'following' && presenter && agendaIds.includes(presenter.presenting.documentId)) {
    return presenter.presenting.documentId
  }
  if (ownChoice && agendaIds.includes(ownChoice)) return ownChoice
  return agendaIds[0] ?? null
}

/** The scroll position a follower's pane should have, from the presenter's ratio. */
export function scrollTargetFor(p: Pick<Presenting, 'scrollRatio' | 'scrollTop'>, scrollHeight: number, clientHeight: number): number {
  const max = Math.max(0, scrollHeight - clientHeight)
  if (max === 0) return 0
  return Math.round(Math.min(max, Math.max(0, p.scrollRatio * max)))
}

/** The presenting fields for a scroll pane's current position. */
export function scrollPosition(scrollTop: number, scrollHeight: number, clientHeight: number): Pick<Presenting, 'scrollTop' | 'scrollRatio'> {
  const max = Math.max(0, scrollHeight - clientHeight)
  const top = Math.max(0, Math.round(scrollTop))
  return { scrollTop: top, scrollRatio: max === 0 ? 0 : Math.min(1, top / max) }
}

/** Within a couple of pixels counts as there (sub-pixel rounding differs between browsers). */
export function isAtScroll(current: number, target: number, tolerance = 2): boolean {
  return Math.abs(current - target) <= tolerance
}

/**
 * Calls `fn` at most once per `ms`: the first call at once, later ones folded into one trailing
 * call with the latest arguments, so the last position always goes out.
 */
export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  ms: number,
  clock: { now: () => number; setTimeout: (f: () => void, ms: number) => unknown; clearTimeout: (t: unknown) => void } = {
    now: () => Date.now(),
    setTimeout: (f, t) => setTimeout(f, t),
    clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  },
): ((...args: A) => void) & { cancel(): void } {
  let last = -Infinity
  let timer: unknown = null
  let pending: A | null = null
  const run = () => {
    timer = null
    last = clock.now()
    const args = pending
    pending = null
    if (args) fn(...args)
  }
  const throttled = (...args: A) => {
    pending = args
    const wait = last + ms - clock.now()
    if (wait <= 0 && timer === null) run()
    else if (timer === null) timer = clock.setTimeout(run, Math.max(0, wait))
  }
  throttled.cancel = () => {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    pending = null
  }
  return throttled
}
