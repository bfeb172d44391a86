// Which component renders the body of each document kind.
//
// To plug in a structured view (roadmap table, decision queue…): write a component taking
// DocumentBodyProps and map its kind here. Prefer `lazy(() => import('./RoadmapDocument'))`
// for anything heavy so each kind ships in its own chunk; the page wraps bodies in <Suspense>.
import type { ComponentType } from 'react'
import type { DocumentKind } from '../../../shared/document-kinds'
import type { DocumentBodyProps } from './document-body'
import { RichTextDocument } from './RichTextDocument'

export type { DocumentBodyProps } from './document-body'

export const documentBodies: Record<DocumentKind, ComponentType<DocumentBodyProps>> = {
  roadmap: RichTextDocument,
  brief: RichTextDocument,
  vendors: RichTextDocument,
  decisions: RichTextDocument,
  risks: RichTextDocument,
  summary: RichTextDocument,
  notes: RichTextDocument,
}

export function bodyForKind(kind: DocumentKind): ComponentType<DocumentBodyProps> {
  return documentBodies[kind] ?? RichTextDocument
}
