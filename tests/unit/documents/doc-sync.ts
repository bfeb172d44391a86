// Helpers for document tests: merging two replicas, and building hostile documents the way a
// malicious client would (a separate doc whose update is applied to ours).
import * as Y from 'yjs'

/** Exchanges full states both ways, as two clients would after reconnecting. */
export function syncBoth(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a)
  const fromB = Y.encodeStateAsUpdate(b)
  Y.applyUpdate(b, fromA)
  Y.applyUpdate(a, fromB)
}

/** A replica of `doc` with a different client id. */
export function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

/** Receives whatever `write` puts into an attacker's doc, through a real update. */
export function receiveHostile(write: (evil: Y.Doc) => void): Y.Doc {
  const evil = new Y.Doc()
  write(evil)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(evil))
  return doc
}

/** The full state, to prove a refused write left the document untouched. */
export function stateOf(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc)
}

/** True when a value survives JSON unchanged (no Y types, undefined or non-finite numbers). */
export function isPlainJson(value: unknown): boolean {
  return JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value) && !containsYType(value)
}

function containsYType(value: unknown): boolean {
  if (value instanceof Y.AbstractType) return true
  if (Array.isArray(value)) return value.some(containsYType)
  if (value && typeof value === 'object') return Object.values(value).some(containsYType)
  return false
}
