// A compared version shown as its document, read-only, with the changes marked.
import { Suspense } from 'react'
import type { DocumentKind } from '../../../shared/document-kinds'
import type { PresenceUser } from '../../../shared/presence'
import { FormError } from '../components/FormError'
import { PageLoading } from '../components/PageLoading'
import { bodyForKind, type DocumentHighlight } from '../documents/registry'
import { useVersionDoc } from './useVersionDoc'

interface Props {
  documentId: string
  kind: DocumentKind
  version: number
  user: PresenceUser
  highlight: DocumentHighlight
}

export function VersionPreview({ documentId, kind, version, user, highlight }: Props) {
  const { ydoc, error } = useVersionDoc(documentId, version)
  const Body = bodyForKind(kind)
  if (error) return <FormError message={`Could not open v${version}: ${error}`} />
  if (!ydoc) return <PageLoading label="Opening version…" />
  return (
    <article className="document-body version-body" data-testid="version-preview" data-version={version}>
      <Suspense fallback={<PageLoading label="Opening version…" />}>
        <Body ydoc={ydoc} provider={null} canWrite={false} user={user} documentId={documentId} highlight={highlight} />
      </Suspense>
    </article>
  )
}
