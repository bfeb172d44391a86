// Demo content for the seeded workspace, one Y.Doc per kind.
import * as Y from 'yjs'
import type { DocumentKind } from '../../shared/document-kinds'

export function demoDocumentState(kind: DocumentKind, _today: Date, _ids: Partial<Record<DocumentKind, string>>): Y.Doc {
  const doc = new Y.Doc()
  const body = doc.getXmlFragment('body')
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(`Welcome to the ${kind} document.`)])
  body.insert(0, [p])
  return doc
}
