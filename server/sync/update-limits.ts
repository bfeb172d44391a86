// Limits on the shape of one update, checked before it is committed. One valid update nesting
// 20,000 elements made every reader of the document (versions, compare, restore, the editor)
// overflow its stack, and one with 20,000 root types made saving a version take seconds.
// Checked on the decoded structs (Y.decodeUpdate), without applying anything. The same pass
// refuses an update that builds on updates the server never received: Yjs would keep it aside as
// "pending" forever (8,000 of them stalled every room for seconds), and a document whose log holds
// one no longer loads completely.
import * as Y from 'yjs'
import { CloseCode } from '../../shared/close-codes'

export const UPDATE_LIMITS = {
  /** Nesting of shared types (maps, arrays, elements) in the document after the update; rich text needs about 6. */
  maxDepth: 64,
  /** Distinct root types an update may write to; a document kind uses a handful. */
  maxRootTypes: 64,
  /**
   * Stored bytes of one document (compacted state plus log); a year of a board's documents is a few
   * MB. Bounds the keys a document can hold, hence its load, projection and compare times, and
   * matches the largest frame, so a client holding the whole document offline can always send it.
   */
  maxDocumentBytes: 16 * 1024 * 1024,
} as const

type Struct = Y.Item | Y.GC | Y.Skip
/** Y.decodeUpdate's delete set: per client, the deleted clock ranges. */
interface DeleteSetShape { clients: Map<number, { clock: number; len: number }[]> }

/** Depth of the type holding a struct already in the document (1 for a root type), walked iteratively. */
function containerDepthInDoc(doc: Y.Doc, id: Y.ID): number | null {
  if (Y.getState(doc.store, id.client) <= id.clock) return null
  const item = Y.getItem(doc.store, id)
  if (!(item instanceof Y.Item)) return null
  let depth = 0
  for (let type = item.parent as Y.AbstractType<unknown> | null; type; type = type.parent) depth++
  return depth
}

export interface UpdateRefusal { code: number; reason: string }

/**
 * Why an update must be refused, or null. `knownClock(client)`: how much of a client's history the
 * room has or has queued for commit (the document's state vector, plus updates still committing).
 */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, knownClock: (client: number) => number): UpdateRefusal | null {
  const { structs, ds } = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSetShape }
  const missing = missingDependency(structs, ds, knownClock)
  if (missing) return { code: CloseCode.missingDependencies, reason: missing }
  const beyond = beyondLimits(doc, structs)
  return beyond ? { code: CloseCode.updateBeyondLimits, reason: beyond } : null
}

/**
 * The first thing the update builds on that is neither known nor in the update itself: a client's
 * structs must continue its known history, and every origin and parent must exist.
 */
function missingDependency(structs: Struct[], ds: DeleteSetShape, knownClock: (client: number) => number): string | null {
  // Yjs writes each client's structs as one run of consecutive clocks.
  const runs = new Map<number, { from: number; to: number }>()
  for (const s of structs) {
    const run = runs.get(s.id.client)
    if (!run) runs.set(s.id.client, { from: s.id.clock, to: s.id.clock + s.length })
    else if (s.id.clock === run.to || s instanceof Y.Skip) run.to = s.id.clock + s.length
    if (s instanceof Y.Skip) return `a gap in client ${s.id.client}'s history`
  }
  for (const [client, run] of runs) {
    if (run.from > knownClock(client)) return `client ${client}'s history from clock ${knownClock(client)} to ${run.from}`
  }
  const exists = (id: Y.ID): boolean => {
    if (id.clock < knownClock(id.client)) return true
    const run = runs.get(id.client)
    return run !== undefined && id.clock >= run.from && id.clock < run.to
  }
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue
    for (const id of [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null]) {
      if (id && !exists(id)) return `item ${id.client}:${id.clock}`
    }
  }
  // Deleting what does not exist yet is kept aside by Yjs just the same.
  for (const [client, deletes] of ds.clients) {
    for (const d of deletes) {
      if (d.len > 0 && !exists(Y.createID(client, d.clock + d.len - 1))) return `deleted items up to ${client}:${d.clock + d.len - 1}`
    }
  }
  return null
}

/** Why an update is beyond the limits, or null when it is within them. */
function beyondLimits(doc: Y.Doc, structs: Struct[]): string | null {
  const items = structs.filter((s): s is Y.Item => s instanceof Y.Item)
  const rootTypes = new Set<string>()
  const byClient = new Map<number, Y.Item[]>()
  for (const item of items) {
    if (typeof item.parent === 'string') rootTypes.add(item.parent)
    const list = byClient.get(item.id.client) ?? []
    list.push(item)
    byClient.set(item.id.client, list)
  }
  if (rootTypes.size > UPDATE_LIMITS.maxRootTypes) return `${rootTypes.size} root types`
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock)
  /** The item of this update that holds a clock (binary search), or null. */
  const find = (id: Y.ID): Y.Item | null => {
    const list = byClient.get(id.client)
    if (!list) return null
    let lo = 0
    let hi = list.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const it = list[mid]
      if (id.clock < it.id.clock) hi = mid - 1
      else if (id.clock >= it.id.clock + it.length) lo = mid + 1
      else return it
    }
    return null
  }
  // Depth of the type an item lives in (1 for a root type); resolved along chains without recursion.
  const depthOf = new Map<Y.Item, number>()
  const resolve = (start: Y.Item): number => {
    const chain: (Y.Item | null)[] = []
    let base = 0
    let current: Y.Item | null = start
    while (current && !depthOf.has(current) && chain.length <= 2 * items.length + 2) {
      chain.push(current)
      const parent = current.parent as unknown
      if (typeof parent === 'string') { base = 1; current = null; break }
      if (parent instanceof Y.ID) {
        const inUpdate = find(parent)
        if (inUpdate) { chain.push(null); current = inUpdate; continue }
        base = (containerDepthInDoc(doc, parent) ?? 0) + 1
        current = null
        break
      }
      // No parent written: it is that of the item it was inserted next to.
      const neighbour: Y.ID | null = current.origin ?? current.rightOrigin
      const next: Y.Item | null = neighbour ? find(neighbour) : null
      if (next) { current = next; continue }
      base = neighbour ? containerDepthInDoc(doc, neighbour) ?? 1 : 1
      current = null
    }
    if (current && depthOf.has(current)) base = depthOf.get(current)!
    // Walk back: a null marker means "one level deeper than what follows".
    let depth = base
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i]
      if (link === null) depth++
      else depthOf.set(link, depth)
    }
    return depthOf.get(start) ?? depth
  }
  for (const item of items) {
    if (resolve(item) > UPDATE_LIMITS.maxDepth) return `nesting deeper than ${UPDATE_LIMITS.maxDepth}`
  }
  return null
}
