// An ended meeting's stage: the agenda document as it was saved when the meeting ended, read-only,
// so the room shows what the meeting decided on, not what the live document has become since.
import { Suspense } from 'react'
import { Link } from 'react-router'
import type { DocumentDto } from '../../../shared/api'
import { dateLabel } from '../../../shared/format/dates'
import type { PresenceUser } from '../../../shared/presence'
import { FormError } from '../components/FormError'
import { PageLoading } from '../components/PageLoading'
import { bodyForKind } from '../documents/registry'
import { useVersionDoc } from '../history/useVersionDoc'

interface Props {
  document: DocumentDto
  /** The version the meeting saved of this document; null if it saved none. */
  version: number | null
  endedAt: string | null
  user: PresenceUser
}

function SavedBody({ document, version, user }: { document: DocumentDto; version: number; user: PresenceUser }) {
  const { ydoc, error } = useVersionDoc(document.id, version)
  const Body = bodyForKind(document.kind)
  if (error) return <FormError message={`Could not open v${version}: ${error}`} />
  if (!ydoc) return <PageLoading label="Opening the saved version…" />
  return (
    <Suspense fallback={<PageLoading label="Opening…" />}>
      <Body ydoc={ydoc} provider={null} canWrite={false} user={user} documentId={document.id} workspaceId={document.workspaceId} />
    </Suspense>
  )
}

export function SavedAgendaDocument({ document, version, endedAt, user }: Props) {
  return (
    <div className="stage-document saved-agenda-document" data-testid="saved-agenda-document" data-document-id={document.id} data-version={version ?? ''}>
      <div className="banner saved-banner" role="note">
        <span>
          {version !== null && <span className="version-chip">v{version}</span>}{' '}
          {version !== null ? 'Saved when the meeting ended' : 'No version of this document was saved when the meeting ended'}
          {endedAt ? ` — ${dateLabel(endedAt)}` : ''} · read-only
        </span>
        <Link to={`/d/${document.id}`} data-testid="live-document-link">Open the live document</Link>
      </div>
      {version !== null && (
        <article className="document-body stage-body">
          <SavedBody document={document} version={version} user={user} />
        </article>
      )}
    </div>
  )
}
