// Builds the one forward change that makes a live document equal to a saved version. It is
// computed on a scratch copy and then goes through the normal commit → apply → relay path, so
// every connected client sees it as an ordinary edit and keeps editing. Unchanged rows and
// fields are left untouched, so concurrent edits to them survive the restore.
import * as Y from 'yjs'
import { replaceText } from '../../shared/documents/text-change'
import { UPDATE_LIMITS } from '../sync/update-limits'
import { nestedBeyond } from './nesting'

export type RootKind = 'map' | 'xml' | 'array' | 'text'
export interface RootSpec { name: string; type: RootKind }

function root(doc: Y.Doc, spec: RootSpec): Y.Map<unknown> | Y.XmlFragment | Y.Array<unknown> | Y.Text {
  switch (spec.type) {
    case 'map': return doc.getMap(spec.name)
    case 'xml': return doc.getXmlFragment(spec.name)
    case 'array': return doc.getArray(spec.name)
    case 'text': return doc.getText(spec.name)
  }
}

const toJson = (v: unknown): string => JSON.stringify(v instanceof Y.AbstractType ? v.toJSON() : v)
const cloneValue = (v: unknown): unknown => (v instanceof Y.AbstractType ? (v as unknown as { clone(): unknown }).clone() : v)

const isCellText = (v: unknown): v is Y.Text => v instanceof Y.Text && !(v instanceof Y.XmlText)

function restoreMap(live: Y.Map<unknown>, target: Y.Map<unknown>): void {
  for (const key of [...live.keys()]) if (!target.has(key)) live.delete(key)
  for (const [key, value] of target.entries()) {
    const current = live.get(key)
    if (current instanceof Y.Map && value instanceof Y.Map) restoreMap(current, value)
    else if (isCellText(current) && (typeof value === 'string' || isCellText(value))) {
      // A text cell (or an older version's plain string) is edited in place: it stays one Y.Text
      // that people typing in it keep sharing.
      replaceText(current, typeof value === 'string' ? value : value.toString())
    }
    else if (!live.has(key) || toJson(current) !== toJson(value)) live.set(key, cloneValue(value))
  }
}

function restoreSequence(live: Y.XmlFragment | Y.Array<unknown>, target: Y.XmlFragment | Y.Array<unknown>): void {
  if (toJson(live) === toJson(target)) return
  live.delete(0, live.length)
  const items = (target as Y.Array<unknown>).toArray().map(cloneValue)
  ;(live as Y.Array<unknown>).insert(0, items)
}

function restoreText(live: Y.Text, target: Y.Text): void {
  if (live.toString() === target.toString()) return
  live.delete(0, live.length)
  live.applyDelta(target.toDelta())
}

export interface RestoreChange {
  /** The Yjs update that turns the live document into the version's content (null if nothing differs). */
  update: Uint8Array | null
  /**
   * It deletes types nested deeper than the limits (content stored before them): Yjs applies that
   * one call per level, past the stack of a browser or the server's event loop (see document-work.ts).
   */
  deletesDeepNesting: boolean
}

/** The change that turns `liveState` into the content of `versionState`. */
export function buildRestoreUpdate(liveState: Uint8Array, versionState: Uint8Array, roots: readonly RootSpec[]): RestoreChange {
  const scratch = new Y.Doc()
  Y.applyUpdate(scratch, liveState)
  const target = new Y.Doc()
  Y.applyUpdate(target, versionState)
  const deepBefore = nestedBeyond(roots.map((spec) => root(scratch, spec)), UPDATE_LIMITS.maxDepth)
  const updates: Uint8Array[] = []
  scratch.on('update', (u: Uint8Array) => updates.push(u))
  scratch.transact(() => {
    for (const spec of roots) {
      const live = root(scratch, spec)
      const wanted = root(target, spec)
      if (spec.type === 'map') restoreMap(live as Y.Map<unknown>, wanted as Y.Map<unknown>)
      else if (spec.type === 'text') restoreText(live as Y.Text, wanted as Y.Text)
      else restoreSequence(live as Y.XmlFragment, wanted as Y.XmlFragment)
    }
  }, 'restore')
  const deepAfter = deepBefore && nestedBeyond(roots.map((spec) => root(scratch, spec)), UPDATE_LIMITS.maxDepth)
  scratch.destroy()
  target.destroy()
  if (updates.length === 0) return { update: null, deletesDeepNesting: false }
  // Content nested too deep that the restore left in place stays; only its deletion overflows.
  return { update: Y.mergeUpdates(updates), deletesDeepNesting: deepBefore && !deepAfter }
}
