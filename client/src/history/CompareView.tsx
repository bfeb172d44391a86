// The comparison of two versions (either may be "live"), fetched from the server.
import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import type { DocumentKind } from '../../../shared/document-kinds'
import type { PresenceUser } from '../../../shared/presence'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'
import { PageLoading } from '../components/PageLoading'
import { ComparisonBody } from './compare/ComparisonBody'
import { highlightFor } from './compare/highlight'
import { ThreadsCompare } from './compare/ThreadsCompare'
import type { CompareDto, VersionRef } from '../../../shared/api'
import { VersionPreview } from './VersionPreview'

export function versionRefLabel(ref: VersionRef): string {
  return ref === 'live' ? 'Live' : `v${ref}`
}

interface Props {
  documentId: string
  kind: DocumentKind
  from: VersionRef
  to: VersionRef
  user: PresenceUser
}

export function CompareView({ documentId, kind, from, to, user }: Props) {
  const [result, setResult] = useState<{ key: string; data: CompareDto } | null>(null)
  const [showDocument, setShowDocument] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const key = `${documentId}:${from}:${to}`

  useEffect(() => {
    const controller = new AbortController()
    setError(null)
    api
      .compareVersions(documentId, from, to, controller.signal)
      .then((data) => setResult({ key, data }))
      .catch((err) => {
        if (!controller.signal.aborted) setError(errorMessage(err))
      })
    return () => controller.abort()
  }, [documentId, from, to, key])

  if (error) return <FormError message={`Could not compare: ${error}`} />
  // Keep showing the previous comparison (dimmed) while the next one loads: no layout jump.
  if (!result) return <PageLoading label="Comparing…" />
  const { data } = result
  return (
    <div className={`compare-view ${result.key !== key ? 'stale' : ''}`} data-testid="compare-view" aria-busy={result.key !== key}>
      <div className="compare-head">
        <span className="compare-side">
          <span className="version-chip">{versionRefLabel(data.from.version)}</span> {data.from.label}
        </span>
        <span className="arrow" aria-hidden="true">→</span><span className="visually-hidden">compared with</span>
        <span className="compare-side">
          <span className="version-chip">{versionRefLabel(data.to.version)}</span> {data.to.label}
        </span>
      </div>
      <ComparisonBody comparison={data.comparison} />
      <ThreadsCompare threads={data.threads} />
      <div className="compare-document">
        {typeof data.to.version === 'number' ? (
          <>
            <button type="button" className="button small" aria-expanded={showDocument} onClick={() => setShowDocument((s) => !s)}>
              {showDocument ? 'Hide' : 'Show'} v{data.to.version} with the changes marked
            </button>
            {showDocument && (
              <VersionPreview documentId={documentId} kind={kind} version={data.to.version} user={user} highlight={highlightFor(data.comparison)} />
            )}
          </>
        ) : (
          <Link to={`/d/${documentId}`} className="button small">
            Open the live document
          </Link>
        )}
      </div>
    </div>
  )
}
