// The agenda document on the meeting room's stage, live: the kind's body over useDocumentSync,
// exactly as on the document page.
import { Suspense, useEffect } from 'react'
import type { DocumentDto } from '../../../shared/api'
import type { PresenceUser } from '../../../shared/presence'
import { PageLoading } from '../components/PageLoading'
import { bodyForKind } from '../documents/registry'
import { useSession } from '../session/session'
import { useDocumentSync } from '../sync/useDocumentSync'
import { useRestoreNotice } from '../sync/useRestoreNotice'
import { NOT_RECEIVED_MESSAGES, STOPPED_MESSAGES } from '../sync/stopped-messages'
import { RestoredBanner } from '../history/RestoredBanner'

export function LiveAgendaDocument({ document, user, canWrite }: { document: DocumentDto; user: PresenceUser; canWrite: boolean }) {
  const sync = useDocumentSync(document.id, { user, localCopyFor: canWrite ? user.id : null })
  const { markSignedOut } = useSession()
  const [restored, dismissRestored] = useRestoreNotice(sync.provider)
  const Body = bodyForKind(document.kind)

  useEffect(() => {
    if (sync.state === 'signed-out') markSignedOut()
  }, [sync.state, markSignedOut])

  const stopped = sync.stopReason !== null
  const writable = canWrite && !sync.serverReadOnly && !stopped && !document.archivedAt

  return (
    <div className="stage-document" data-testid="stage-document" data-document-id={document.id} data-state={sync.state}>
      {sync.stopReason && (
        <div className="banner warning" role="alert">
          {STOPPED_MESSAGES[sync.stopReason]}
        </div>
      )}
      {restored && <RestoredBanner notice={restored} myUserId={user.id} onDismiss={dismissRestored} />}
      <article className="document-body stage-body">
        {sync.withheldReason ? (
          <p className="document-unavailable" data-testid="document-unavailable">{NOT_RECEIVED_MESSAGES[sync.withheldReason]}</p>
        ) : sync.ydoc && sync.provider ? (
          <Suspense fallback={<PageLoading label="Opening…" />}>
            <Body ydoc={sync.ydoc} provider={sync.provider} canWrite={writable} user={user} documentId={document.id} workspaceId={document.workspaceId} />
          </Suspense>
        ) : (
          <PageLoading label="Connecting…" />
        )}
      </article>
    </div>
  )
}
