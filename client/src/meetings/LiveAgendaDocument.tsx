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
import { RestoredBanner } from '../history/RestoredBanner'

const STOPPED_MESSAGES = {
  archived: 'This document has been archived; live editing has stopped.',
  forbidden: 'You no longer have access to this document.',
  'not-found': 'This document does not exist, or you do not have access to it.',
  damaged: 'This document can’t be opened: its stored history is damaged. Nothing has been changed. Ask your workspace owner or operator to restore it from a backup.',
  rejected: 'The server refused a change from this page, so live sync has stopped. Reload to continue.',
} as const

export function LiveAgendaDocument({ document, user, canWrite }: { document: DocumentDto; user: PresenceUser; canWrite: boolean }) {
  const sync = useDocumentSync(document.id, { user, localCopyFor: canWrite ? user.id : null })
  const { markSignedOut } = useSession()
  const [restored, dismissRestored] = useRestoreNotice(sync.provider)
  const Body = bodyForKind(document.kind)

  useEffect(() => {
    if (sync.state === 'signed-out') markSignedOut()
  }, [sync.state, markSignedOut])

  const stopped = sync.state === 'no-access' || sync.state === 'signed-out'
  const writable = canWrite && !sync.serverReadOnly && !stopped && !document.archivedAt

  return (
    <div className="stage-document" data-testid="stage-document" data-document-id={document.id} data-state={sync.state}>
      {sync.state === 'no-access' && sync.noAccessReason && (
        <div className="banner warning" role="alert">
          {STOPPED_MESSAGES[sync.noAccessReason]}
        </div>
      )}
      {restored && <RestoredBanner notice={restored} myUserId={user.id} onDismiss={dismissRestored} />}
      <article className="document-body stage-body">
        {/* As on the document page: never received, a damaged document's empty body would look like lost content. */}
        {sync.noAccessReason === 'damaged' && !sync.everSynced ? (
          <p className="document-unavailable">The contents are not shown while the stored history is damaged.</p>
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
