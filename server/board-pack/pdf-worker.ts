// Worker-thread entry: renders one board pack PDF off the event loop (pdfkit's layout is synchronous
// and took seconds per pack, which froze every live room). Bundled as dist/server/pdf-worker.mjs.
import { parentPort, workerData } from 'node:worker_threads'
import type { BoardPackModel } from './board-pack-model'
import { renderPdf } from './pdf'

const pdf = await renderPdf(workerData as BoardPackModel)
// A copy owns its ArrayBuffer (a Buffer may share a pool), so it can be transferred without another copy.
const bytes = new Uint8Array(pdf)
parentPort!.postMessage(bytes, [bytes.buffer])
