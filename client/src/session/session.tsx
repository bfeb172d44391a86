// The signed-in user and their workspaces, loaded once from GET /api/me and kept in context.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { UserDto, WorkspaceDto } from '../../../shared/api'
import { api, ApiRequestError, errorMessage, onUnauthorized } from '../api'

/** Logging out waits at most this long for the local copies to be deleted (another tab can hold one open). */
const CLEAR_WAIT_MS = 2000

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out' | 'error'

export interface Session {
  status: SessionStatus
  user: UserDto | null
  workspaces: WorkspaceDto[]
  /** Set when GET /api/me failed for a reason other than 401 (server unreachable…). */
  loadError: string | null
  /** Re-reads GET /api/me (after sign-in, or when memberships changed). */
  refresh: () => Promise<void>
  /** Marks the session as gone (a 401 or a 4401 close) without a round trip. */
  markSignedOut: () => void
  logout: () => Promise<void>
}

const SessionContext = createContext<Session | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading')
  const [user, setUser] = useState<UserDto | null>(null)
  const [workspaces, setWorkspaces] = useState<WorkspaceDto[]>([])
  const [loadError, setLoadError] = useState<string | null>(null)

  const markSignedOut = useCallback(() => {
    setUser(null)
    setWorkspaces([])
    setStatus('signed-out')
  }, [])

  const refresh = useCallback(async () => {
    try {
      const me = await api.me()
      setUser(me.user)
      setWorkspaces(me.workspaces)
      setLoadError(null)
      setStatus('signed-in')
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) {
        markSignedOut()
      } else {
        setLoadError(errorMessage(error))
        setStatus((current) => (current === 'loading' ? 'error' : current))
      }
    }
  }, [markSignedOut])

  const logout = useCallback(async () => {
    const userId = user?.id
    try {
      await api.logout()
    } finally {
      // Also when the server cannot be reached: this person chose to leave this browser.
      // Imported here: local-copy brings Yjs, which the pages without a document do not load.
      const clearing = userId ? import('../sync/local-copy').then((m) => m.clearLocalCopies(userId)) : null
      if (clearing) await Promise.race([clearing.catch(() => {}), new Promise((r) => setTimeout(r, CLEAR_WAIT_MS))])
      markSignedOut()
    }
  }, [markSignedOut, user?.id])

  useEffect(() => {
    void refresh()
  }, [refresh])

  useEffect(() => onUnauthorized(markSignedOut), [markSignedOut])

  const value = useMemo<Session>(
    () => ({ status, user, workspaces, loadError, refresh, markSignedOut, logout }),
    [status, user, workspaces, loadError, refresh, markSignedOut, logout],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession must be used inside <SessionProvider>')
  return session
}

/** The signed-in user; only for components rendered under <RequireAuth>. */
export function useSignedInUser(): UserDto {
  const { user } = useSession()
  if (!user) throw new Error('useSignedInUser used while signed out')
  return user
}

/** Where to go after signing in: the `next` query parameter when it is a local path, else "/". */
export function safeNextPath(search: string): string {
  const next = new URLSearchParams(search).get('next')
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') && !next.startsWith('/signup')) {
    return next
  }
  return '/'
}

export function loginPathFor(location: { pathname: string; search: string }): string {
  const next = location.pathname + location.search
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`
}
