// Which component renders the body of each document kind.
//
// Structured kinds are lazy chunks (one per kind), each wrapped in its own <Suspense> and shown
// once the document has synced. `DocumentBody` renders any kind: the history page uses it with a
// saved version's Y.Doc and provider={null} (see document-body.ts).
import { lazy, Suspense, type ComponentType } from 'react'
import type { DocumentKind } from '../../../shared/document-kinds'
import { PageLoading } from '../components/PageLoading'
import type { DocumentBodyProps } from './document-body'
import { CellPresenceProvider } from './common/CellPresence'
import { SyncedGate } from './common/SyncedGate'

export type { DocumentBodyProps, DocumentHighlight } from './document-body'

function structured(load: () => Promise<{ default: ComponentType<DocumentBodyProps> }>): ComponentType<DocumentBodyProps> {
  const Lazy = lazy(load)
  function StructuredBody(props: DocumentBodyProps) {
    return (
      <SyncedGate provider={props.provider}>
        <CellPresenceProvider provider={props.provider}>
          <Suspense fallback={<PageLoading label="Loading document…" />}>
            <Lazy {...props} />
          </Suspense>
        </CellPresenceProvider>
      </SyncedGate>
    )
  }
  return StructuredBody
}

// Notes are Tiptap from the first line, bound before sync (Collaboration handles a late sync).
const LazyRichText = lazy(() => import('./RichTextDocument').then((m) => ({ default: m.RichTextDocument })))
function RichTextDocument(props: DocumentBodyProps) {
  return (
    <Suspense fallback={<PageLoading label="Loading editor…" />}>
      <LazyRichText {...props} />
    </Suspense>
  )
}

export const documentBodies: Record<DocumentKind, ComponentType<DocumentBodyProps>> = {
  roadmap: structured(() => import('./roadmap/RoadmapDocument')),
  brief: structured(() => import('./brief/BriefDocument')),
  vendors: structured(() => import('./vendors/VendorsDocument')),
  decisions: structured(() => import('./decisions/DecisionsDocument')),
  risks: structured(() => import('./risks/RisksDocument')),
  summary: structured(() => import('./summary/SummaryDocument')),
  notes: RichTextDocument,
}

export function bodyForKind(kind: DocumentKind): ComponentType<DocumentBodyProps> {
  return documentBodies[kind] ?? RichTextDocument
}

/** Renders the body of any kind, e.g. `<DocumentBody kind="roadmap" ydoc={v} provider={null} canWrite={false} user={me} />`. */
export function DocumentBody({ kind, ...props }: DocumentBodyProps & { kind: DocumentKind }) {
  const Body = bodyForKind(kind)
  return <Body {...props} />
}
