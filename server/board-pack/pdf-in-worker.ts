// Renders board pack PDFs in worker threads, a few at a time, each with a timeout, and keeps the
// bytes of recent packs, keyed on their content.
import { Worker } from 'node:worker_threads'
import type { BoardPackModel } from './board-pack-model'

export const PDF_RENDER = {
  /** A pack renders in well under a second; past this the worker is stopped and the request answered 503. */
  timeoutMs: 20_000,
  /** Renders at once (the machines have 2 cores; the event loop keeps one). */
  concurrency: 1,
  /** Packs kept in memory (each ~100-300 kB). */
  cacheEntries: 16,
} as const

export class PdfRenderTimeout extends Error {}

// From the bundle (dist/server/index.mjs) the worker is dist/server/pdf-worker.mjs; from source (tsx) it is next to this file.
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('./pdf-worker.ts', import.meta.url) : new URL('./pdf-worker.mjs', import.meta.url)

function renderInWorker(model: BoardPackModel, timeoutMs: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: model })
    const timer = setTimeout(() => {
      void worker.terminate()
      reject(new PdfRenderTimeout(`board pack rendering took over ${timeoutMs} ms`))
    }, timeoutMs)
    worker.once('message', (bytes: Uint8Array) => { clearTimeout(timer); resolve(bytes); void worker.terminate() })
    worker.once('error', (err) => { clearTimeout(timer); reject(err) })
    worker.once('exit', (code) => { clearTimeout(timer); reject(new Error(`board pack worker exited with code ${code}`)) })
  })
}

export class PdfRenderer {
  private readonly cache = new Map<string, Uint8Array>()
  private readonly inFlight = new Map<string, Promise<Uint8Array>>()
  private running = 0
  private readonly queue: (() => void)[] = []
  /** Renders done and answers served from memory, for /api/health and the tests. */
  readonly stats = { rendered: 0, cacheHits: 0, timeouts: 0 }

  constructor(private readonly opts: { timeoutMs: number; concurrency: number; cacheEntries: number } = PDF_RENDER) {}

  /** `key` must change whenever the pack could (the meeting id and a hash of the model). */
  async render(key: string, model: BoardPackModel): Promise<Uint8Array> {
    const cached = this.cache.get(key)
    if (cached) {
      this.stats.cacheHits++
      this.cache.delete(key) // re-insert: Map order is the LRU order
      this.cache.set(key, cached)
      return cached
    }
    let pending = this.inFlight.get(key)
    if (!pending) {
      pending = this.throttled(model).finally(() => this.inFlight.delete(key))
      this.inFlight.set(key, pending)
    }
    const bytes = await pending
    this.cache.set(key, bytes)
    while (this.cache.size > this.opts.cacheEntries) this.cache.delete(this.cache.keys().next().value!)
    return bytes
  }

  private async throttled(model: BoardPackModel): Promise<Uint8Array> {
    if (this.running >= this.opts.concurrency) await new Promise<void>((r) => this.queue.push(r))
    this.running++
    try {
      const bytes = await renderInWorker(model, this.opts.timeoutMs)
      this.stats.rendered++
      return bytes
    } catch (err) {
      if (err instanceof PdfRenderTimeout) this.stats.timeouts++
      throw err
    } finally {
      this.running--
      this.queue.shift()?.()
    }
  }
}
