// Demo content for the seeded workspace, one Y.Doc per kind (content lives in shared/documents).
import * as Y from 'yjs'
import type { DocumentKind } from '../../shared/document-kinds'
import { fillDemo } from '../../shared/documents/demo-content'

export function demoDocumentState(kind: DocumentKind, today: Date, ids: Partial<Record<DocumentKind, string>>): Y.Doc {
  const doc = new Y.Doc()
  fillDemo(kind, doc, today, { sources: { briefId: ids.brief, roadmapId: ids.roadmap, risksId: ids.risks } })
  return doc
}
