import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { loginPathFor, useSession } from '../session/session'
import { PageLoading } from './PageLoading'

/** Renders its children only for a signed-in user; otherwise redirects to /login?next=<here>. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, loadError, refresh } = useSession()
  const location = useLocation()

  if (status === 'loading') return <PageLoading label="Loading…" />
  if (status === 'error') {
    return (
      <main className="centered-page">
        <div className="card narrow">
          <h1 className="card-title">Quorum is unreachable</h1>
          <p className="muted">{loadError}</p>
          <button type="button" className="button primary" onClick={() => void refresh()}>
            Try again
          </button>
        </div>
      </main>
    )
  }
  if (status === 'signed-out') return <Navigate to={loginPathFor(location)} replace />
  return <>{children}</>
}
