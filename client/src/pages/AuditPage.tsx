// "/w/:workspaceId/audit": the workspace's audit log for owners, newest first, filtered by what was
// done and by whom; older entries a page at a time.
import { useEffect, useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import type { AuditEntryDto } from '../../../shared/api'
import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/audit-actions'
import { dateTimeLabel } from '../../../shared/format/dates'
import { api, ApiRequestError, errorMessage } from '../api'
import { FormError } from '../components/FormError'
import { PageLoading } from '../components/PageLoading'
import '../meetings/meetings.css'

const ACTION_LABELS: Record<AuditAction, string> = {
  'signed-in': 'Signed in', 'member-added': 'Member added', 'member-removed': 'Member removed', 'member-role-changed': 'Role changed',
  'document-created': 'Document created', 'document-archived': 'Document archived', 'version-saved': 'Version saved',
  'version-restored': 'Version restored', 'meeting-started': 'Meeting started', 'meeting-ended': 'Meeting ended',
  'minutes-approved': 'Minutes approved', 'decision-recorded': 'Decision recorded', 'board-pack-downloaded': 'Board pack downloaded',
  'invitation-created': 'Invitation created', 'invitation-revoked': 'Invitation revoked', 'invitation-accepted': 'Invitation accepted',
  'version-viewed': 'Version viewed',
}

export default function AuditPage() {
  const { workspaceId = '' } = useParams()
  const [entries, setEntries] = useState<AuditEntryDto[] | null>(null)
  const [nextBefore, setNextBefore] = useState<number | null>(null)
  const [loadError, setLoadError] = useState<{ status: number; message: string } | null>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  const [action, setAction] = useState<AuditAction | ''>('')
  const [actorId, setActorId] = useState('')

  useEffect(() => {
    const controller = new AbortController()
    api.readAudit(workspaceId, null, controller.signal)
      .then((page) => {
        setEntries(page.entries)
        setNextBefore(page.nextBefore)
      })
      .catch((err) => {
        if (!controller.signal.aborted) setLoadError({ status: err instanceof ApiRequestError ? err.status : 0, message: errorMessage(err) })
      })
    return () => controller.abort()
  }, [workspaceId])

  async function loadOlder() {
    if (nextBefore === null) return
    try {
      const page = await api.readAudit(workspaceId, nextBefore)
      setEntries((e) => [...(e ?? []), ...page.entries])
      setNextBefore(page.nextBefore)
    } catch (err) {
      setMoreError(errorMessage(err))
    }
  }

  const actors = useMemo(() => [...new Map((entries ?? []).filter((e) => e.actorId).map((e) => [e.actorId!, e.actorName ?? 'Unknown'])).entries()], [entries])
  const shown = (entries ?? []).filter((e) => (!action || e.action === action) && (!actorId || e.actorId === actorId))

  if (loadError) {
    return (
      <main className="page narrow-page">
        <h1 className="page-title">{loadError.status === 403 ? 'Only owners read the audit log' : 'Could not load the audit log'}</h1>
        <p className="muted">{loadError.message}</p>
        <Link to={`/w/${workspaceId}`} className="button">Back to the workspace</Link>
      </main>
    )
  }
  if (!entries) return <PageLoading label="Loading the audit log…" />

  return (
    <main className="page audit-page" data-testid="audit-page">
      <div className="page-head">
        <div>
          <nav className="breadcrumb" aria-label="Breadcrumb">
            <Link to={`/w/${workspaceId}`}>Workspace</Link>
          </nav>
          <h1 className="page-title">Audit log</h1>
        </div>
        <div className="audit-filters">
          <select aria-label="What" value={action} onChange={(e) => setAction(e.target.value as AuditAction | '')}>
            <option value="">Everything</option>
            {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{ACTION_LABELS[a]}</option>)}
          </select>
          <select aria-label="Who" value={actorId} onChange={(e) => setActorId(e.target.value)}>
            <option value="">Everyone</option>
            {actors.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </select>
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="muted">Nothing recorded{action || actorId ? ' that matches' : ''}.</p>
      ) : (
        <ul className="audit-list">
          {shown.map((e) => (
            <li key={e.id} className="audit-entry" data-testid="audit-entry" data-action={e.action}>
              <span className="audit-when">{dateTimeLabel(e.at)}</span>
              <span><strong>{e.actorName ?? 'Someone'}</strong> · {ACTION_LABELS[e.action]}</span>
              {e.detail && <span className="muted">{e.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      <FormError message={moreError} />
      {nextBefore !== null && (
        <button type="button" className="button small" onClick={() => void loadOlder()}>Load older entries</button>
      )}
    </main>
  )
}
