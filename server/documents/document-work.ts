// The document worker thread (document-worker.ts) as the routes use it: one long-lived thread run
// by piscina, so a request costs a message, not a thread start. A task past the timeout is aborted
// (piscina stops that thread and starts another) and answered 503.
import { Piscina } from 'piscina'
import type { DocumentKind } from '../../shared/document-kinds'
import { HttpError } from '../http/errors'
import type { VersionSummary } from '../versions/version-store'
import type { CompareSide, MeetingEnd, RestorePlan, SaveVersion, WorkerDatabase } from './document-worker'
import type { IndexedDocument } from '../search/search-index'

export const DOCUMENT_WORK = {
  /** The largest document the limits let in projects in about a second; past this something is wrong. */
  timeoutMs: 30_000,
  /** One thread: the machines have 2 cores and the event loop keeps one; tasks queue behind each other. */
  threads: 1,
  /**
   * Yjs deletes and garbage-collects a nested element one call per level, so restoring over content
   * nested N deep needs a stack that deep (Node's 4 MB default fails at 20,000 levels). 256 MB covers
   * every depth a document within the 16 MiB limit can hold (~22 bytes a level: ~760,000 levels;
   * 1,000,000 measured). Reserved, not used: a thread's stack pages are taken only as it grows.
   */
  stackSizeMb: 256,
} as const

// From the bundle (dist/server/index.mjs) the worker is dist/server/document-worker.mjs; from source (tsx) it is next to this file.
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('./document-worker.ts', import.meta.url) : new URL('./document-worker.mjs', import.meta.url)

export class DocumentWork {
  // Started on first use and kept: a thread that cannot start (no file descriptors left) fails
  // that request, never the process.
  private readonly pool: Piscina

  constructor(database: WorkerDatabase, onError: (err: Error) => void, private readonly timeoutMs: number = DOCUMENT_WORK.timeoutMs) {
    this.pool = new Piscina({ filename: WORKER_URL.href, minThreads: 0, maxThreads: DOCUMENT_WORK.threads, idleTimeout: Infinity, workerData: database,
      resourceLimits: { stackSizeMb: DOCUMENT_WORK.stackSizeMb } })
    // Without a listener, Piscina's 'error' event (a worker that failed to load) would end the process.
    this.pool.on('error', onError)
  }


  /** Saves the document as committed as its next version, with its audit row: read, projected and written on the worker (see document-worker.ts). */
  saveVersion(task: SaveVersion): Promise<VersionSummary> {
    return this.run('saveVersion', task)
  }

  /** Ends a meeting and saves its documents as committed, in one transaction on the worker (see document-worker.ts). */
  endMeeting(end: MeetingEnd): Promise<{ ended: boolean; versions: VersionSummary[] }> {
    return this.run('endMeeting', end)
  }

  /** The document as committed, projected, as JSON. */
  projection(kind: DocumentKind, documentId: string): Promise<string> {
    return this.run('projection', { kind, documentId })
  }

  /** The comparison of two sides, as JSON (its shape per kind is in shared/documents/compare.ts). */
  compare(kind: DocumentKind, from: CompareSide, to: CompareSide, fyStartMonth: number): Promise<string> {
    return this.run('compare', { kind, from, to, fyStartMonth })
  }

  /** The change that makes the document as committed equal to `version`, and the document it leaves. */
  restore(kind: DocumentKind, documentId: string, version: Uint8Array): Promise<RestorePlan> {
    return this.run('restore', { kind, documentId, version })
  }

  /** Rewrites the document's search rows from what is committed (server/search/). */
  reindex(kind: DocumentKind, doc: IndexedDocument): Promise<void> {
    return this.run('reindex', { kind, doc })
  }

  close(): Promise<void> {
    return this.pool.destroy()
  }

  private async run<T>(name: string, task: object): Promise<T> {
    try {
      return await this.pool.run(task, { name, signal: AbortSignal.timeout(this.timeoutMs) }) as T
    } catch (err) {
      if ((err as Error).name === 'AbortError' || (err as Error).name === 'TimeoutError') {
        throw new HttpError(503, `the document took over ${this.timeoutMs / 1000} s to process; nothing was changed`)
      }
      throw err
    }
  }
}
