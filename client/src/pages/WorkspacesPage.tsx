import { useEffect, useState, type FormEvent } from 'react'
import { Link, Navigate, useLocation, useNavigate } from 'react-router'
import { dateLabel } from '../../../shared/format/dates'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'
import { RoleChip } from '../components/RoleChip'
import { useSession } from '../session/session'

/** "/": the workspaces I belong to, and a form to create one. */
export function WorkspacesPage() {
  const { user, workspaces, refresh } = useSession()
  const navigate = useNavigate()
  const location = useLocation()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  // Someone may have added us to a workspace since the session was loaded.
  useEffect(() => {
    void refresh()
  }, [refresh])

  // Landing here (first page of the visit, or just signed in) with one workspace: open it. A click on
  // "Workspaces" later still shows this list, so a second workspace can be created.
  const landing = location.key === 'default' || (location.state as { landing?: boolean } | null)?.landing === true
  if (landing && workspaces.length === 1) return <Navigate to={`/w/${workspaces[0].id}`} replace />

  async function handleCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!name.trim()) {
      setError('Give the workspace a name.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const workspace = await api.createWorkspace(name.trim())
      await refresh()
      navigate(`/w/${workspace.id}`)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="page narrow-page">
      <div className="page-head">
        <div>
          <h1 className="page-title">Workspaces</h1>
          <p className="muted">Signed in as {user?.name}. Each workspace holds one leadership team's documents.</p>
        </div>
      </div>

      {workspaces.length === 0 ? (
        <div className="empty">You are not in any workspace yet. Create one below, or ask an owner to add you.</div>
      ) : (
        <ul className="list" aria-label="Your workspaces">
          {workspaces.map((w) => (
            <li key={w.id} className="list-row" data-testid="workspace-row">
              <Link to={`/w/${w.id}`} className="list-link">
                <span className="list-title">{w.name}</span>
                <span className="list-meta">Created {dateLabel(w.createdAt)}</span>
              </Link>
              <RoleChip role={w.role} />
            </li>
          ))}
        </ul>
      )}

      <section className="section">
        <h2 className="section-title">New workspace</h2>
        <form className="form inline-form" onSubmit={handleCreate} noValidate>
          <input name="workspaceName" aria-label="Workspace name" placeholder="e.g. Acme leadership team" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create workspace'}
          </button>
        </form>
        <FormError message={error} />
      </section>
    </main>
  )
}
