// A change counter per Y.Doc, bumped on every update (local or remote), so React can subscribe
// to "the document changed" with useSyncExternalStore and re-read through the shared readers.
// Typing in a text cell changes only a Y.Text, and the cell's input shows it at once (CellText);
// those updates bump the counter once typing pauses for TEXT_QUIET_MS (or after TEXT_MAX_WAIT_MS
// of non-stop typing), so typing does not re-read and re-render a whole table per keystroke: a
// re-render of a 150-row roadmap took ~0.25 s here. Any other change bumps it at once.
import * as Y from 'yjs'

export const TEXT_QUIET_MS = 400
export const TEXT_MAX_WAIT_MS = 3000

interface Entry {
  version: number
  listeners: Set<() => void>
  /** Whether the transaction now being emitted changed nothing but cell texts. */
  textOnly: boolean
  timer: ReturnType<typeof setTimeout> | null
  /** When the first text change not yet bumped for arrived. */
  waitingSince: number | null
}

const entries = new WeakMap<Y.Doc, Entry>()

function onlyCellTexts(tr: Y.Transaction): boolean {
  if (tr.changed.size === 0) return false
  for (const type of tr.changed.keys()) if (!(type instanceof Y.Text) || type instanceof Y.XmlText) return false
  return true
}

function bump(entry: Entry): void {
  if (entry.timer) clearTimeout(entry.timer)
  entry.timer = null
  entry.waitingSince = null
  entry.version++
  for (const listener of [...entry.listeners]) listener()
}

function entryFor(doc: Y.Doc): Entry {
  let entry = entries.get(doc)
  if (!entry) {
    const created: Entry = { version: 0, listeners: new Set(), textOnly: false, timer: null, waitingSince: null }
    // Yjs emits afterTransaction before update, so the update handler knows what changed.
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      created.textOnly = onlyCellTexts(tr)
    })
    doc.on('update', () => {
      if (!created.textOnly) return bump(created)
      const now = Date.now()
      created.waitingSince ??= now
      if (created.timer) clearTimeout(created.timer)
      const wait = Math.min(TEXT_QUIET_MS, created.waitingSince + TEXT_MAX_WAIT_MS - now)
      created.timer = setTimeout(() => bump(created), Math.max(0, wait))
    })
    entries.set(doc, created)
    entry = created
  }
  return entry
}

/** How many (coalesced) updates the document has seen since it was first observed here. */
export function docVersion(doc: Y.Doc): number {
  return entryFor(doc).version
}

/** Calls `listener` after updates of the document; returns the unsubscribe function. */
export function subscribeDoc(doc: Y.Doc, listener: () => void): () => void {
  const entry = entryFor(doc)
  entry.listeners.add(listener)
  return () => {
    entry.listeners.delete(listener)
  }
}
