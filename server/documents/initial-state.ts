// The first state of a new document: the kind's template (e.g. the brief's eight pillar sections),
// written by the server once so that clients never race to initialise an empty document.
import * as Y from 'yjs'
import type { DocumentKind } from '../../shared/document-kinds'
import { applyTemplate, type TemplateOptions } from '../../shared/documents'

export function initialState(kind: DocumentKind, opts: TemplateOptions = {}): Uint8Array {
  const doc = new Y.Doc()
  applyTemplate(kind, doc, { today: new Date(), ...opts })
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}
