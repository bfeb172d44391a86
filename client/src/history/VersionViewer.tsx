// One saved version, read-only: the kind's own body component over a Y.Doc rebuilt from the version.
import { Suspense, useState } from 'react'
import { useNavigate } from 'react-router'
import type { DocumentKind } from '../../../shared/document-kinds'
import type { PresenceUser } from '../../../shared/presence'
import { FormError } from '../components/FormError'
import { PageLoading } from '../components/PageLoading'
import { bodyForKind } from '../documents/registry'
import type { VersionRef, VersionSummaryDto } from '../../../shared/api'
import { RestoreDialog } from './RestoreDialog'
import { useVersionDoc } from './useVersionDoc'
import { VersionThreads } from './VersionThreads'
import { formatTime } from './VersionTimeline'

interface Props {
  documentId: string
  kind: DocumentKind
  version: VersionSummaryDto
  previous: number | null
  canRestore: boolean
  user: PresenceUser
  onCompare: (from: VersionRef, to: VersionRef) => void
}

export function VersionViewer({ documentId, kind, version, previous, canRestore, user, onCompare }: Props) {
  const { ydoc, error } = useVersionDoc(documentId, version.version)
  const [confirming, setConfirming] = useState(false)
  const navigate = useNavigate()
  const Body = bodyForKind(kind)

  return (
    <section className="version-viewer" data-testid="version-viewer" data-version={version.version}>
      <div className="version-head">
        <div className="version-head-text">
          <h2 className="version-title">
            <span className="version-chip">v{version.version}</span> {version.label}
          </h2>
          <p className="version-meta">
            {version.meetingTitle ? `${version.meetingTitle} · ` : ''}
            Saved by {version.authorName ?? 'unknown'} · {formatTime(version.createdAt)}
          </p>
        </div>
        <div className="version-actions">
          {previous !== null && (
            <button type="button" className="button small" data-testid="compare-with-previous" onClick={() => onCompare(previous, version.version)}>
              Compare with v{previous}
            </button>
          )}
          <button type="button" className="button small" data-testid="compare-with-live" onClick={() => onCompare(version.version, 'live')}>
            Compare with live
          </button>
          {canRestore && (
            <button type="button" className="button small primary" data-testid="restore-version" onClick={() => setConfirming(true)}>
              Restore this version
            </button>
          )}
        </div>
      </div>
      <div className="banner version-banner" role="note">
        You are looking at a saved version. It is read-only.
      </div>
      <VersionThreads documentId={documentId} version={version.version} />
      <article className="document-body version-body">
        {error ? (
          <FormError message={`Could not open v${version.version}: ${error}`} />
        ) : ydoc ? (
          <Suspense fallback={<PageLoading label="Opening version…" />}>
            <Body ydoc={ydoc} provider={null} canWrite={false} user={user} documentId={documentId} />
          </Suspense>
        ) : (
          <PageLoading label="Opening version…" />
        )}
      </article>
      {confirming && (
        <RestoreDialog
          documentId={documentId}
          version={version.version}
          label={version.label}
          onClose={() => setConfirming(false)}
          onRestored={() => navigate(`/d/${documentId}`)}
        />
      )}
    </section>
  )
}
