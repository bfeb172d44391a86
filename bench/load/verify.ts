// Convergence and loss checks at the end of a run. A fresh stock client (the verifier) is the truth:
// every decode-mode replica must equal it (text and state vector), every count-mode client must
// have received every other client's edits (markers) and updates covering the verifier's state vector,
// and the verifier must hold every edit that was sent.
import * as Y from 'yjs'
import { clockOf, type BenchClient } from './client'
import { editKey, forEachMarker, forEachMarkerInText } from './markers'

export interface DocCheck { problems: string[]; deliveries: number }

function svMap(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc))
}

/** sentBy: client index → number of edits it sent, for the clients on this document. */
export function checkDocument(verifier: Y.Doc, clients: readonly BenchClient[], sentBy: Map<number, number>): DocCheck {
  const problems: string[] = []
  const truthText = verifier.getText('bench').toString()
  const truthSv = svMap(verifier)
  const expectAll = new Set<number>()
  for (const [c, n] of sentBy) for (let s = 0; s < n; s++) expectAll.add(editKey(c, s))
  const inTruth = new Set<number>()
  forEachMarkerInText(truthText, (c, s) => inTruth.add(editKey(c, s)))
  if (inTruth.size !== expectAll.size || [...expectAll].some((k) => !inTruth.has(k))) {
    problems.push(`verifier holds ${inTruth.size} of ${expectAll.size} edits sent`)
  }
  let deliveries = 0
  for (const client of clients) {
    const expectFromOthers = expectAll.size - (sentBy.get(client.index) ?? 0)
    const ownId = client.doc.clientID
    if (client.mode === 'decode') {
      deliveries += client.seen.size
      if (client.seen.size !== expectFromOthers) problems.push(`client ${client.index}: saw ${client.seen.size} of ${expectFromOthers} remote edits`)
      if (client.text.toString() !== truthText) problems.push(`client ${client.index}: text differs from the verifier's`)
      const sv = svMap(client.doc)
      if (sv.size !== truthSv.size || [...truthSv].some(([k, v]) => sv.get(k) !== v)) problems.push(`client ${client.index}: state vector differs from the verifier's`)
      continue
    }
    const seen = new Set<number>()
    const ranges = new Map<number, [number, number][]>()
    for (const u of client.storedUpdates()) {
      forEachMarker(u, (c, s) => { if (c !== client.index) seen.add(editKey(c, s)) })
      const meta = Y.parseUpdateMeta(u)
      for (const [id, from] of meta.from) {
        if (id === ownId) continue
        let list = ranges.get(id)
        if (!list) ranges.set(id, (list = []))
        list.push([from, meta.to.get(id)!])
      }
    }
    deliveries += seen.size
    if (seen.size !== expectFromOthers) problems.push(`client ${client.index} (count mode): received ${seen.size} of ${expectFromOthers} remote edits`)
    for (const [id, clock] of truthSv) {
      if (id === ownId) continue
      const list = (ranges.get(id) ?? []).sort((a, b) => a[0] - b[0])
      let covered = 0
      for (const [from, to] of list) if (from <= covered) covered = Math.max(covered, to)
      // Updates received during the handshake were applied to the local doc, not stored.
      covered = Math.max(covered, clockOf(client.doc, id))
      if (covered < clock) { problems.push(`client ${client.index} (count mode): updates of ${id} cover ${covered} of ${clock}`); break }
    }
  }
  return { problems, deliveries }
}
