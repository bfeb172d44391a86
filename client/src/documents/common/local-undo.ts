// Per-person undo for structured documents, without React: an origin object for this person's
// edits, a way to run a shared writer under it, and an UndoManager that tracks only that origin.
import * as Y from 'yjs'

/** The origin of one person's edits in one view (a class, so it is recognisable when debugging). */
export class LocalEditOrigin {
  constructor(readonly label: string) {}
}

/**
 * Runs `fn` (a shared writer) in a transaction with `origin`. The writers' own `doc.transact`
 * calls are nested, so they join this transaction and their changes carry the origin.
 */
export function runAs<T>(doc: Y.Doc, origin: LocalEditOrigin, fn: () => T): T {
  let result: T | undefined
  doc.transact(() => {
    result = fn()
  }, origin)
  return result as T
}

/** Edits within this many ms are undone together (typing into a cell and tabbing on). */
export const CAPTURE_MS = 400

/** An UndoManager over the named root maps that undoes only `origin`'s transactions. */
export function createLocalUndoManager(doc: Y.Doc, roots: readonly string[], origin: LocalEditOrigin, captureTimeout = CAPTURE_MS): Y.UndoManager {
  const scope = roots.map((name) => doc.getMap<unknown>(name))
  return new Y.UndoManager(scope, { trackedOrigins: new Set([origin]), captureTimeout })
}
