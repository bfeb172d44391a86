// "/d/:documentId/history" (and ".../compare"): the document's saved versions on a timeline, one
// version read-only (?version=N), or two compared (?from=N&to=M|live). Writers may restore.
import { useEffect, useMemo, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import type { DocumentWithAccessDto } from '../../../shared/api'
import { DOCUMENT_KIND_LABELS } from '../../../shared/document-kinds'
import { colorForUser, type PresenceUser } from '../../../shared/presence'
import { api, ApiRequestError, errorMessage } from '../api'
import { useCurrentWorkspace } from '../components/current-workspace'
import { FormError } from '../components/FormError'
import { PageLoading } from '../components/PageLoading'
import { BriefTrack } from '../history/BriefTrack'
import { CompareBar } from '../history/CompareBar'
import { CompareView } from '../history/CompareView'
import type { VersionRef, VersionSummaryDto } from '../../../shared/api'
import { parseVersionRef } from '../history/parse-ref'
import { VersionTimeline } from '../history/VersionTimeline'
import { useFiscalYearStart } from '../components/useFiscalYearStart'
import { VersionViewer } from '../history/VersionViewer'
import { useSession } from '../session/session'
import '../history/history.css'
import '../meetings/meetings.css'

export default function HistoryPage() {
  const { documentId = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const { user: me, workspaces } = useSession()
  const [access, setAccess] = useState<DocumentWithAccessDto | null>(null)
  const [versions, setVersions] = useState<VersionSummaryDto[] | null>(null)
  const [loadError, setLoadError] = useState<{ status: number; message: string } | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    setAccess(null)
    setVersions(null)
    setLoadError(null)
    Promise.all([api.getDocument(documentId, { signal: controller.signal }), api.listVersions(documentId, controller.signal)])
      .then(([doc, list]) => {
        setAccess(doc)
        setVersions(list.versions)
      })
      .catch((err) => {
        if (!controller.signal.aborted) setLoadError({ status: err instanceof ApiRequestError ? err.status : 0, message: errorMessage(err) })
      })
    return () => controller.abort()
  }, [documentId])

  useCurrentWorkspace(access?.document.workspaceId)
  const fyStartMonth = useFiscalYearStart(access?.document.workspaceId)

  const user = useMemo<PresenceUser | null>(
    () => (me && access ? { id: me.id, name: me.name, color: colorForUser(me.id), role: access.role } : null),
    [me, access],
  )

  if (loadError) {
    return (
      <main className="page narrow-page">
        <h1 className="page-title">{loadError.status === 403 || loadError.status === 404 ? 'History not available' : 'Could not load the history'}</h1>
        <p className="muted">{loadError.message}</p>
        <Link to={`/d/${documentId}`} className="button">Back to the document</Link>
      </main>
    )
  }
  if (!access || !versions || !user) return <PageLoading label="Loading history…" />

  const { document } = access
  const workspace = workspaces.find((w) => w.id === document.workspaceId)
  const selected = parseVersionRef(params.get('version'))
  const from = parseVersionRef(params.get('from'))
  const to = parseVersionRef(params.get('to'))
  const comparing = from !== null && to !== null
  const selectedVersion = typeof selected === 'number' ? versions.find((v) => v.version === selected) ?? null : null
  const previous = selectedVersion ? versions.find((v) => v.version < selectedVersion.version)?.version ?? null : null
  const canRestore = access.canWrite && !document.archivedAt

  const compare = (f: VersionRef, t: VersionRef) => setParams({ from: String(f), to: String(t) })
  const hrefFor = (version: number) => `?version=${version}`

  return (
    <main className="page history-page">
      <div className="document-head">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <Link to={`/w/${document.workspaceId}`}>{workspace?.name ?? 'Workspace'}</Link>
          <span aria-hidden="true">/</span>
          <span>{DOCUMENT_KIND_LABELS[document.kind]}</span>
          <span aria-hidden="true">/</span>
          <Link to={`/d/${document.id}`}>{document.title}</Link>
        </nav>
        <div className="history-title-row">
          <h1 className="page-title">
            History <span className="count">{versions.length} saved</span>
          </h1>
          <Link to={`/d/${document.id}`} className="button small" data-testid="back-to-document">
            Back to live document
          </Link>
        </div>
      </div>

      {document.kind === 'brief' && <BriefTrack documentId={document.id} versions={versions} />}

      <div className="history-layout">
        <aside className="history-side" aria-label="Versions">
          <VersionTimeline versions={versions} selected={selectedVersion?.version ?? null} comparing={comparing ? [from, to] : []} hrefFor={hrefFor} fyStartMonth={fyStartMonth} />
        </aside>
        <div className="history-main">
          <CompareBar versions={versions} from={from} to={to} onCompare={compare} />
          {comparing ? (
            <CompareView documentId={document.id} kind={document.kind} from={from} to={to} user={user} />
          ) : selectedVersion ? (
            <VersionViewer
              key={selectedVersion.version}
              documentId={document.id}
              kind={document.kind}
              version={selectedVersion}
              previous={previous}
              canRestore={canRestore}
              user={user}
              onCompare={compare}
            />
          ) : selected !== null ? (
            <FormError message={`Version ${selected} does not exist.`} />
          ) : (
            <div className="empty history-empty">
              {versions.length === 0 ? 'Nothing saved yet.' : 'Pick a version on the left to read it, or choose two above to compare.'}
            </div>
          )}
        </div>
      </div>
    </main>
  )
}
