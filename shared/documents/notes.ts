// Notes: a rich-text body only. Layout: XmlFragment('body').
import type * as Y from 'yjs'
import { appendBlocks, getBodyFragment, richTextToPlain } from './rich-text'
import type { RootTypes } from './root-types'

export const roots: RootTypes = { body: 'xmlFragment' }

export interface Notes {
  body: string
}
export interface NotesProjection extends Notes {
  kind: 'notes'
}

export function getNotesBody(doc: Y.Doc): Y.XmlFragment {
  return getBodyFragment(doc)
}

export function readNotes(doc: Y.Doc): Notes {
  return { body: richTextToPlain(getBodyFragment(doc)) }
}

export function project(doc: Y.Doc): NotesProjection {
  return { kind: 'notes', ...readNotes(doc) }
}

/** A meeting-notes outline; an existing body is left alone. */
export function template(doc: Y.Doc): void {
  const body = getBodyFragment(doc)
  if (body.length > 0) return
  appendBlocks(body, [
    { type: 'heading', level: 2, text: 'Agenda' },
    { type: 'bulletList', items: [''] },
    { type: 'heading', level: 2, text: 'Discussion' },
    { type: 'paragraph', text: '' },
    { type: 'heading', level: 2, text: 'Actions' },
    { type: 'bulletList', items: [''] },
  ])
}
