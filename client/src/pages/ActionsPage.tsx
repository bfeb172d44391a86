// "/w/:workspaceId/actions": the workspace's open action items by owner, soonest due first, overdue
// ones flagged; "My actions" shows only the reader's own.
import { useCallback, useEffect, useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import type { ActionDto, MemberDto, WorkspaceDto } from '../../../shared/api'
import { canEditDocuments } from '../../../shared/roles'
import { api, ApiRequestError, errorMessage } from '../api'
import { PageLoading } from '../components/PageLoading'
import { useSession } from '../session/session'
import { todayIso } from '../meetings/action-dates'
import { ActionItem } from '../meetings/ActionItem'
import { byOwner } from '../meetings/action-groups'
import '../meetings/meetings.css'

interface Loaded { workspace: WorkspaceDto; members: MemberDto[]; actions: ActionDto[] }

export default function ActionsPage() {
  const { workspaceId = '' } = useParams()
  const { user } = useSession()
  const [data, setData] = useState<Loaded | null>(null)
  const [loadError, setLoadError] = useState<{ status: number; message: string } | null>(null)
  const [mine, setMine] = useState(false)
  const today = todayIso()

  useEffect(() => {
    const controller = new AbortController()
    const { signal } = controller
    Promise.all([api.getWorkspace(workspaceId, signal), api.listWorkspaceActions(workspaceId, 'open', signal)])
      .then(([ws, list]) => setData({ workspace: ws.workspace, members: ws.members, actions: list.actions }))
      .catch((err) => {
        if (!signal.aborted) setLoadError({ status: err instanceof ApiRequestError ? err.status : 0, message: errorMessage(err) })
      })
    return () => controller.abort()
  }, [workspaceId])

  // An item marked done or dropped leaves the list of open items.
  const changed = useCallback((action: ActionDto) => setData((d) => d && {
    ...d, actions: action.status === 'open' ? d.actions.map((a) => (a.id === action.id ? action : a)) : d.actions.filter((a) => a.id !== action.id),
  }), [])

  const groups = useMemo(() => byOwner((data?.actions ?? []).filter((a) => !mine || a.ownerId === user?.id)), [data, mine, user?.id])

  if (loadError) {
    return (
      <main className="page narrow-page">
        <h1 className="page-title">{loadError.status === 403 || loadError.status === 404 ? 'Actions not available' : 'Could not load actions'}</h1>
        <p className="muted">{loadError.message}</p>
        <Link to="/" className="button">Back to workspaces</Link>
      </main>
    )
  }
  if (!data) return <PageLoading label="Loading actions…" />
  const canWrite = canEditDocuments(data.workspace.role)
  const overdue = data.actions.filter((a) => a.dueDate < today).length

  return (
    <main className="page actions-page" data-testid="actions-page">
      <div className="page-head">
        <div>
          <nav className="breadcrumb" aria-label="Breadcrumb">
            <Link to={`/w/${workspaceId}`}>{data.workspace.name}</Link>
          </nav>
          <h1 className="page-title">Actions</h1>
          <p className="muted small-text">
            {data.actions.length} open{overdue > 0 ? `, ${overdue} overdue` : ''}
          </p>
        </div>
        <label className="toggle">
          <input type="checkbox" name="mine" data-testid="my-actions" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          <span>My actions</span>
        </label>
      </div>
      {groups.length === 0 ? (
        <p className="muted">{mine ? 'You have no open actions.' : 'No open actions. Add them in a meeting room.'}</p>
      ) : (
        <div className="action-groups">
          {groups.map((g) => (
            <section key={g.ownerId} className="action-group" aria-labelledby={`owner-${g.ownerId}`} data-testid="action-group">
              <h2 className="section-title" id={`owner-${g.ownerId}`}>
                {g.ownerName} <span className="count">{g.actions.length}</span>
              </h2>
              <ul className="action-list">
                {g.actions.map((a) => (
                  <ActionItem key={`${a.id}:${a.updatedAt}`} action={a} members={data.members} canWrite={canWrite} today={today} showMeeting onChanged={changed} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </main>
  )
}
