// What a restore costs the event loop on a very large document: applying the restore's change to
// the live Y.Doc (what the room did before) against loading the document the change leaves (what
// Room.replaceDoc does). 20,000 roadmap rows pasted in one edit, restored to an empty version.
// Run: node --import tsx bench/restore-apply.ts [rows]
import * as Y from 'yjs'
import { planRestore } from '../server/documents/document-worker'

const ROWS = Number(process.argv[2] ?? 20_000)
const large = new Y.Doc()
large.transact(() => {
  const initiatives = large.getMap('initiatives')
  for (let i = 0; i < ROWS; i++) {
    const row = new Y.Map<unknown>()
    initiatives.set(`row-${i}`, row)
    row.set('title', new Y.Text(`Initiative ${i}`))
    row.set('oneOffCost', i)
    row.set('order', i)
    row.set('description', new Y.XmlFragment())
  }
})
const liveState = Y.encodeStateAsUpdate(large)
// On the document worker in the server; here only to get its output.
const plan = planRestore('roadmap', liveState, Y.encodeStateAsUpdate(new Y.Doc()))
if (!plan.update) throw new Error('the restore changed nothing')

const ms = (f: () => void) => { const t = performance.now(); f(); return performance.now() - t }
for (let run = 1; run <= 5; run++) {
  const live = new Y.Doc()
  Y.applyUpdate(live, liveState)
  const encode = ms(() => Y.encodeStateAsUpdate(live))
  const apply = ms(() => Y.applyUpdate(live, plan.update!))
  const load = ms(() => Y.applyUpdate(new Y.Doc(), plan.state))
  console.log(`run ${run}: encode live ${encode.toFixed(0)} ms | apply the change to the live doc ${apply.toFixed(0)} ms | load the state it leaves (${(plan.state.byteLength / 1024).toFixed(0)} kB) ${load.toFixed(0)} ms`)
}
