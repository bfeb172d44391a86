// Times edits from one client to another while something else loads the server: a marker edit every
// 20 ms, each timed from send to arrival. `stop()` ends it and returns every delay measured.
import type * as Y from 'yjs'
import { sleep, waitFor } from './wait'

export function startRelayProbe(from: { doc: Y.Doc }, to: { doc: Y.Doc }): { stop(): Promise<number[]> } {
  const delays: number[] = []
  let editing = true
  const edits = (async () => {
    for (let n = 0; editing; n++) {
      const sent = performance.now()
      from.doc.getMap('probe').set('n', n)
      await waitFor(() => to.doc.getMap('probe').get('n') === n, { intervalMs: 2, timeoutMs: 60_000 })
      delays.push(performance.now() - sent)
      await sleep(20)
    }
  })()
  return {
    async stop() {
      editing = false
      await edits
      return delays
    },
  }
}
