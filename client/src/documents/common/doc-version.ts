// A change counter per Y.Doc, bumped on every update (local or remote), so React can subscribe
// to "the document changed" with useSyncExternalStore and re-read through the shared readers.
import type * as Y from 'yjs'

interface Entry {
  version: number
  listeners: Set<() => void>
}

const entries = new WeakMap<Y.Doc, Entry>()

function entryFor(doc: Y.Doc): Entry {
  let entry = entries.get(doc)
  if (!entry) {
    const created: Entry = { version: 0, listeners: new Set() }
    doc.on('update', () => {
      created.version++
      for (const listener of [...created.listeners]) listener()
    })
    entries.set(doc, created)
    entry = created
  }
  return entry
}

/** How many updates the document has seen since it was first observed here. */
export function docVersion(doc: Y.Doc): number {
  return entryFor(doc).version
}

/** Calls `listener` after every update of the document; returns the unsubscribe function. */
export function subscribeDoc(doc: Y.Doc, listener: () => void): () => void {
  const entry = entryFor(doc)
  entry.listeners.add(listener)
  return () => {
    entry.listeners.delete(listener)
  }
}
