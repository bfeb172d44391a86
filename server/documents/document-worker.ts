// Runs in a worker thread (see document-work.ts): the document work whose cost grows with the size
// of a document — projecting it, comparing two versions, building a restore — so that a very large
// or hostile document slows only the request that asked for it, never the rooms of everyone else.
// Every input and output is bytes or a JSON string: they cross the thread boundary as one copy,
// and the main thread never parses or serialises a large projection itself.
import * as Y from 'yjs'
import type { DocumentKind } from '../../shared/document-kinds'
import { compareProjections, projectDocument } from '../../shared/documents'
import { documentRoots } from '../versions/document-roots'
import { buildRestoreUpdate } from '../versions/restore'
import { recordTexts, type RecordText } from '../search/record-texts'

/** One side of a comparison: a saved version's stored projection, or a live document's state. */
export type CompareSide = { projectionJson: string } | { state: Uint8Array }

function withDoc<T>(state: Uint8Array, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return read(doc)
  } finally {
    doc.destroy()
  }
}

const projectionOf = (kind: DocumentKind, side: CompareSide): unknown =>
  'state' in side ? withDoc(side.state, (doc) => projectDocument(kind, doc)) : JSON.parse(side.projectionJson)

/** The projection of a document state, as the JSON stored with a version. */
export function project({ kind, state }: { kind: DocumentKind; state: Uint8Array }): string {
  return withDoc(state, (doc) => JSON.stringify(projectDocument(kind, doc)))
}

/** The comparison of two sides, as JSON. */
export function compare({ kind, from, to, fyStartMonth }: { kind: DocumentKind; from: CompareSide; to: CompareSide; fyStartMonth: number }): string {
  return JSON.stringify(compareProjections(kind, projectionOf(kind, from) as never, projectionOf(kind, to) as never, { fyStartMonth }))
}

export interface RestorePlan {
  /** The change that makes the live document equal to the version, or null if nothing differs. */
  update: Uint8Array | null
  /** The document as the restore leaves it, and its projection: the "Restored vN" version. */
  state: Uint8Array
  projectionJson: string
}

export function restore({ kind, live, version }: { kind: DocumentKind; live: Uint8Array; version: Uint8Array }): RestorePlan {
  const update = buildRestoreUpdate(live, version, documentRoots(kind))
  return withDoc(update ? Y.mergeUpdates([live, update]) : live, (doc) => ({
    update, state: Y.encodeStateAsUpdate(doc), projectionJson: JSON.stringify(projectDocument(kind, doc)),
  }))
}

/** The rows the search index holds for a document state (server/search/). */
export function searchRows({ kind, state }: { kind: DocumentKind; state: Uint8Array }): RecordText[] {
  return withDoc(state, (doc) => recordTexts(projectDocument(kind, doc) as unknown as Record<string, unknown>))
}
