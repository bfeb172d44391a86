// "/d/:documentId": one document, live. Loaded as its own chunk (Tiptap + Yjs).
import { useCallback, useEffect, useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import type { DocumentWithAccessDto } from '../../../shared/api'
import { DOCUMENT_KIND_LABELS } from '../../../shared/document-kinds'
import { colorForUser, type PresenceUser } from '../../../shared/presence'
import { api, ApiRequestError, errorMessage } from '../api'
import { ConnectionBadge } from '../components/ConnectionBadge'
import { useCurrentWorkspace } from '../components/current-workspace'
import { EditableTitle } from '../components/EditableTitle'
import { FormError } from '../components/FormError'
import { PageLoading } from '../components/PageLoading'
import { PresenceList } from '../components/PresenceList'
import { RoleChip } from '../components/RoleChip'
import { DocumentCommentsContext } from '../comments/comment-context'
import { CommentsPanel } from '../comments/CommentsPanel'
import { FollowButton } from '../comments/FollowButton'
import { MentionMembersContext, useWorkspaceMembers } from '../comments/mention-members'
import { useDocumentCommentsState } from '../comments/useDocumentCommentsState'
import { bodyForKind } from '../documents/registry'
import { SaveVersionButton } from '../history/SaveVersionButton'
import { useSession } from '../session/session'
import { useDocumentSync } from '../sync/useDocumentSync'
import { useRestoreNotice } from '../sync/useRestoreNotice'
import { NOT_RECEIVED_MESSAGES, STOPPED_MESSAGES } from '../sync/stopped-messages'
import { RestoredBanner } from '../history/RestoredBanner'
import { usePresence } from '../sync/usePresence'
import { useRenderLag } from '../sync/useRenderLag'
import { useOpenAtRecord } from '../search/useOpenAtRecord'

export default function DocumentPage() {
  const { documentId = '' } = useParams()
  const { user: me, workspaces, markSignedOut } = useSession()
  const [access, setAccess] = useState<DocumentWithAccessDto | null>(null)
  const [loadError, setLoadError] = useState<{ status: number; message: string } | null>(null)
  const [titleError, setTitleError] = useState<string | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    setAccess(null)
    setLoadError(null)
    api
      .getDocument(documentId, { signal: controller.signal })
      .then(setAccess)
      .catch((err) => {
        if (controller.signal.aborted) return
        setLoadError({ status: err instanceof ApiRequestError ? err.status : 0, message: errorMessage(err) })
      })
    return () => controller.abort()
  }, [documentId])

  const role = access?.role ?? 'viewer'
  const presenceUser = useMemo<PresenceUser | null>(
    () => (me ? { id: me.id, name: me.name, color: colorForUser(me.id), role } : null),
    [me, role],
  )

  const onAccessChange = useCallback((fresh: DocumentWithAccessDto) => setAccess(fresh), [])
  // Only writers keep a local copy (see local-copy.ts).
  const sync = useDocumentSync(documentId, { user: presenceUser, onAccessChange, localCopyFor: access?.canWrite ? me?.id : null })
  const people = usePresence(sync.provider, me?.id)
  const behind = useRenderLag(sync.ydoc, sync.provider)
  const [restored, dismissRestored] = useRestoreNotice(sync.provider)
  const comments = useDocumentCommentsState(documentId, sync.provider, Boolean(access?.document.archivedAt))
  useCurrentWorkspace(access?.document.workspaceId)
  useOpenAtRecord(access !== null)
  const members = useWorkspaceMembers(access?.document.workspaceId)

  // 4401 or a refused connection with a dead session: back to /login (RequireAuth keeps ?next).
  useEffect(() => {
    if (sync.state === 'signed-out') markSignedOut()
  }, [sync.state, markSignedOut])

  if (loadError) {
    return (
      <main className="page narrow-page">
        <h1 className="page-title">{loadError.status === 403 || loadError.status === 404 ? 'Document not available' : 'Could not open document'}</h1>
        <p className="muted">{loadError.message}</p>
        <Link to="/" className="button">Back to workspaces</Link>
      </main>
    )
  }
  if (!access || !presenceUser) return <PageLoading label="Opening document…" />

  const { document } = access
  const stopped = sync.stopReason !== null
  const archived = Boolean(document.archivedAt) || sync.noAccessReason === 'archived'
  const canWrite = access.canWrite && !sync.serverReadOnly && !stopped && !archived
  const workspace = workspaces.find((w) => w.id === document.workspaceId)
  const Body = bodyForKind(document.kind)

  async function saveTitle(title: string) {
    const { document: updated } = await api.updateDocument(document.id, { title })
    setAccess((current) => (current ? { ...current, document: updated } : current))
  }

  return (
    <main className="page document-page">
      <div className="document-head">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <Link to={`/w/${document.workspaceId}`}>{workspace?.name ?? 'Workspace'}</Link>
          <span aria-hidden="true">/</span>
          <span>{DOCUMENT_KIND_LABELS[document.kind]}</span>
        </nav>
        <div className="document-title-row">
          <EditableTitle title={document.title} editable={canWrite} onSave={saveTitle} onError={setTitleError} />
          <div className="document-status">
            <ConnectionBadge state={sync.state} noAccessReason={sync.noAccessReason} unsentChanges={sync.unsentChanges} localCopy={sync.localCopy} behind={behind} />
            {!canWrite && (
              <span className="badge read-only-badge" data-testid="read-only-badge" title="You can read this document but not change it">
                Read-only
              </span>
            )}
            {/* On a phone the side column is below the document: a way straight to the discussion. */}
            <a href="#comments-title" className="button small subtle">Comments</a>
            <FollowButton documentId={document.id} />
            <Link to={`/d/${document.id}/history`} className="button small subtle" data-testid="history-link">
              History
            </Link>
            <a href={api.documentPdfUrl(document.id)} download className="button small subtle" data-testid="export-pdf" title="Download this document as it stands now, as PDF">
              Export PDF
            </a>
            {canWrite && <SaveVersionButton documentId={document.id} />}
          </div>
        </div>
        <FormError message={titleError} />
      </div>

      {sync.stopReason && (
        <div className="banner warning" role="alert">
          {STOPPED_MESSAGES[sync.stopReason]}
        </div>
      )}
      {restored && <RestoredBanner notice={restored} myUserId={me?.id} onDismiss={dismissRestored} />}
      {sync.serverReadOnly && !stopped && (
        <div className="banner" role="status">
          The server did not accept your last change: your access is read-only.
        </div>
      )}

      <DocumentCommentsContext.Provider value={comments.context}>
        <div className="document-layout">
          <article className="document-body">
            {sync.withheldReason ? (
              <p className="document-unavailable" data-testid="document-unavailable">{NOT_RECEIVED_MESSAGES[sync.withheldReason]}</p>
            ) : sync.ydoc && sync.provider ? (
              <Body ydoc={sync.ydoc} provider={sync.provider} canWrite={canWrite} user={presenceUser} documentId={document.id} workspaceId={document.workspaceId} />
            ) : (
              <PageLoading label="Connecting…" />
            )}
          </article>
          <aside className="document-side">
            <PresenceList people={people} />
            <section className="doc-facts">
              <h2 className="side-title">Your access</h2>
              <RoleChip role={access.role} />
            </section>
            <MentionMembersContext.Provider value={members}>
              <CommentsPanel documentId={document.id} state={comments} myUserId={presenceUser.id} role={access.role} archived={Boolean(document.archivedAt)} />
            </MentionMembersContext.Provider>
          </aside>
        </div>
      </DocumentCommentsContext.Provider>
    </main>
  )
}
