// Incremental reads of a row table for a live page: each row is parsed (zod) once and again only
// when its own Y.Map (or a text cell or an append-only list in it) changed, as `observeDeep`
// reports; edits inside a rich-text field leave the parsed rows alone (they are not row values).
// A list is not a row value either, but a reader may add it to the row (the vendor register's
// history), so a change to it gives its row a new object.
// Unchanged rows keep their object, so memoised rows skip rendering. Re-reading a 500-row
// roadmap in full on every update was ~10 ms of script per remote edit.
import * as Y from 'yjs'
import type { FieldSpecs } from './fields'
import { compareRowOrder, readRow, rowsOf, type Row, type RowLayout } from './rows'

export interface RowCache<S extends FieldSpecs> {
  /** The rows in order; the same array (and objects) until something in a row changed: shared, never mutate it. */
  read(): Row<S>[]
  /** Stops observing the document. */
  dispose(): void
}

export function createRowCache<S extends FieldSpecs>(doc: Y.Doc, layout: RowLayout<S>): RowCache<S> {
  const root = rowsOf(doc, layout)
  const parsed = new Map<string, Row<S>>()
  const dirty = new Set<string>()
  const notRowValues = new Set<string>(layout.richText)
  let everything = true
  let sorted: Row<S>[] = []

  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const event of events) {
      if (event.target === root) {
        for (const id of event.keys.keys()) dirty.add(id)
        continue
      }
      const [id, field] = event.path
      if (typeof id !== 'string') continue
      // path [id] is the row's own map; [id, field] a value inside it (a text cell, a list, rich text).
      if (typeof field === 'string' && notRowValues.has(field)) continue
      dirty.add(id)
    }
  }
  root.observeDeep(observer)

  return {
    read() {
      if (!everything && dirty.size === 0) return sorted
      if (everything) {
        parsed.clear()
        root.forEach((raw, id) => parsed.set(id, readRow(layout, id, raw)))
      } else {
        for (const id of dirty) {
          if (root.has(id)) parsed.set(id, readRow(layout, id, root.get(id)))
          else parsed.delete(id)
        }
      }
      everything = false
      dirty.clear()
      sorted = [...parsed.values()].sort(compareRowOrder)
      return sorted
    },
    dispose() {
      root.unobserveDeep(observer)
    },
  }
}

const cachesByDoc = new WeakMap<Y.Doc, Map<string, RowCache<FieldSpecs>>>()

/**
 * The document's row cache for this layout, created on first use and observing the document as
 * long as it lives: one per (doc, table) however many components read it.
 */
export function cachedRows<S extends FieldSpecs>(doc: Y.Doc, layout: RowLayout<S>): Row<S>[] {
  let caches = cachesByDoc.get(doc)
  if (!caches) cachesByDoc.set(doc, (caches = new Map()))
  let cache = caches.get(layout.root)
  if (!cache) caches.set(layout.root, (cache = createRowCache(doc, layout as RowLayout<FieldSpecs>)))
  return cache.read() as Row<S>[]
}
