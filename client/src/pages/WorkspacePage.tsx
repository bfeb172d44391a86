import { useCallback, useEffect, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import type { DocumentDto, MemberDto, WorkspaceDto } from '../../../shared/api'
import { canEditDocuments, canManageMembers } from '../../../shared/roles'
import { api, ApiRequestError, errorMessage } from '../api'
import { CreateDocumentForm } from '../components/CreateDocumentForm'
import { DocumentList } from '../components/DocumentList'
import { FormError } from '../components/FormError'
import { FiscalYearSetting } from '../components/FiscalYearSetting'
import { TwoFactorRequirement } from '../components/TwoFactorRequirement'
import { MembersPanel } from '../components/MembersPanel'
import { PageLoading } from '../components/PageLoading'
import { RoleChip } from '../components/RoleChip'
import { useSession } from '../session/session'

/** "/w/:workspaceId": the workspace's documents grouped by kind, and its members. */
export function WorkspacePage() {
  const { workspaceId = '' } = useParams()
  const { user, refresh: refreshSession } = useSession()
  const navigate = useNavigate()
  const [workspace, setWorkspace] = useState<WorkspaceDto | null>(null)
  const [members, setMembers] = useState<MemberDto[]>([])
  const [documents, setDocuments] = useState<DocumentDto[]>([])
  const [showArchived, setShowArchived] = useState(false)
  const [loadError, setLoadError] = useState<{ status: number; message: string } | null>(null)
  const [listError, setListError] = useState<string | null>(null)

  const loadWorkspace = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const data = await api.getWorkspace(workspaceId, signal)
        setWorkspace(data.workspace)
        setMembers(data.members)
        setLoadError(null)
      } catch (err) {
        if (signal?.aborted) return
        setLoadError({ status: err instanceof ApiRequestError ? err.status : 0, message: errorMessage(err) })
      }
    },
    [workspaceId],
  )

  const loadDocuments = useCallback(
    async (signal?: AbortSignal) => {
      try {
        // "archived=true" is merged with the active list, so either server reading
        // (only archived, or everything) gives the same screen.
        const [active, archived] = await Promise.all([
          api.listDocuments(workspaceId, false, signal),
          showArchived ? api.listDocuments(workspaceId, true, signal) : Promise.resolve({ documents: [] }),
        ])
        const byId = new Map<string, DocumentDto>()
        for (const d of [...active.documents, ...archived.documents]) byId.set(d.id, d)
        setDocuments([...byId.values()])
        setListError(null)
      } catch (err) {
        if (signal?.aborted) return
        setListError(errorMessage(err))
      }
    },
    [workspaceId, showArchived],
  )

  useEffect(() => {
    const controller = new AbortController()
    setWorkspace(null)
    void loadWorkspace(controller.signal)
    return () => controller.abort()
  }, [loadWorkspace])

  useEffect(() => {
    const controller = new AbortController()
    void loadDocuments(controller.signal)
    return () => controller.abort()
  }, [loadDocuments])

  if (loadError) {
    return (
      <main className="page narrow-page">
        <h1 className="page-title">{loadError.status === 404 || loadError.status === 403 ? 'Workspace not available' : 'Could not load workspace'}</h1>
        <p className="muted">{loadError.message}</p>
        <Link to="/" className="button">Back to workspaces</Link>
      </main>
    )
  }
  if (!workspace) return <PageLoading label="Loading workspace…" />

  const canWrite = canEditDocuments(workspace.role)
  const canManage = canManageMembers(workspace.role)

  function upsertDocument(updated: DocumentDto) {
    setDocuments((current) => {
      const exists = current.some((d) => d.id === updated.id)
      return exists ? current.map((d) => (d.id === updated.id ? updated : d)) : [...current, updated]
    })
  }

  return (
    <main className="page workspace-page">
      <div className="page-head">
        <div>
          <p className="eyebrow">Workspace</p>
          <h1 className="page-title" data-testid="workspace-name">
            {workspace.name}
          </h1>
        </div>
        <div className="workspace-links">
          <Link to={`/w/${workspaceId}/meetings`} className="button small" data-testid="meetings-link">
            Meetings
          </Link>
          <Link to={`/w/${workspaceId}/actions`} className="button small" data-testid="actions-link">
            Actions
          </Link>
          {workspace.role === 'owner' && (
            <Link to={`/w/${workspaceId}/audit`} className="button small" data-testid="audit-link">
              Audit log
            </Link>
          )}
          <RoleChip role={workspace.role} />
        </div>
      </div>

      <div className="workspace-grid">
        <section className="section" aria-labelledby="documents-heading">
          <div className="section-head">
            <h2 className="section-title" id="documents-heading">
              Documents
            </h2>
            <label className="toggle">
              <input type="checkbox" name="showArchived" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
              <span>Show archived</span>
            </label>
          </div>
          {canWrite && <CreateDocumentForm workspaceId={workspaceId} onCreated={(created) => navigate(`/d/${created.id}`)} />}
          <FormError message={listError} />
          <DocumentList documents={documents} canWrite={canWrite} showArchived={showArchived} onChanged={upsertDocument} />
        </section>

        <div className="workspace-side">
        <FiscalYearSetting
          workspace={workspace}
          canManage={canManage}
          onSaved={(saved) => {
            setWorkspace(saved)
            void refreshSession() // the documents read the setting from the session
          }}
        />
        <TwoFactorRequirement
          workspace={workspace}
          canManage={canManage}
          onSaved={(saved) => {
            setWorkspace(saved)
            void refreshSession() // the session's workspace list carries it too
          }}
        />
        <MembersPanel
          workspaceId={workspaceId}
          members={members}
          canManage={canManage}
          currentUserId={user?.id ?? ''}
          onMembersChanged={async (selfAffected) => {
            await loadWorkspace()
            if (selfAffected) await refreshSession()
          }}
        />
        </div>
      </div>
    </main>
  )
}
