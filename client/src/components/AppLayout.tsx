import { useState } from 'react'
import { Link, Outlet, useMatch, useNavigate } from 'react-router'
import { InboxBell } from '../notifications/InboxBell'
import { useSession } from '../session/session'
import { CurrentWorkspaceContext } from './current-workspace'
import { CONTENT_ID, SkipLink } from './SkipLink'
import { SearchDialog } from '../search/SearchDialog'

/** Header (brand, workspace switcher, user, log out) above the signed-in pages. */
export function AppLayout() {
  const { user, workspaces, logout } = useSession()
  const navigate = useNavigate()
  // Pages outside /w/:id (a document, its history, a meeting) report their workspace.
  const [pageWorkspaceId, setPageWorkspaceId] = useState<string | null>(null)
  const workspaceId = useMatch('/w/:workspaceId/*')?.params.workspaceId ?? pageWorkspaceId
  const current = workspaces.find((w) => w.id === workspaceId)

  async function handleLogout() {
    await logout()
    navigate('/login', { replace: true })
  }

  return (
    <div className="app">
      <header className="app-header">
        <SkipLink />
        <div className="app-header-left">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">Q</span>
            <span className="brand-name">Quorum</span>
          </Link>
          <details className="switcher">
            <summary data-testid="workspace-switcher">{current ? current.name : 'Workspaces'}</summary>
            <div className="switcher-menu" role="menu">
              {workspaces.map((w) => (
                <Link
                  key={w.id}
                  to={`/w/${w.id}`}
                  role="menuitem"
                  className={w.id === workspaceId ? 'switcher-item active' : 'switcher-item'}
                  onClick={(e) => e.currentTarget.closest('details')?.removeAttribute('open')}
                >
                  <span>{w.name}</span>
                  <span className="role-chip">{w.role}</span>
                </Link>
              ))}
              <Link
                to="/"
                role="menuitem"
                className="switcher-item all"
                onClick={(e) => e.currentTarget.closest('details')?.removeAttribute('open')}
              >
                All workspaces
              </Link>
            </div>
          </details>
        </div>
        <div className="app-header-right">
          {workspaceId && current && <SearchDialog workspaceId={workspaceId} />}
          <InboxBell />
          <Link to="/account" className="user-name" data-testid="user-name" title="Your account">
            {user?.name}
          </Link>
          <button type="button" className="button subtle" onClick={() => void handleLogout()}>
            Log out
          </button>
        </div>
      </header>
      <div id={CONTENT_ID} className="app-content" tabIndex={-1}>
        <CurrentWorkspaceContext.Provider value={setPageWorkspaceId}>
          <Outlet />
        </CurrentWorkspaceContext.Provider>
      </div>
    </div>
  )
}
