// Keeps the search index current from committed edits, off the commit path: a room that committed
// schedules its document, and once its edits settle (SEARCH_REINDEX_QUIET_MS without a commit, or at
// the latest SEARCH_REINDEX_MAX_WAIT_MS after the first) the document worker reads what is committed,
// projects it and rewrites its rows (search-index.ts). The instance that committed does it; the
// rewrite is idempotent, so two instances doing it is harmless.
import { eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { documents } from '../db/schema'
import type { DocumentWork } from '../documents/document-work'
import { SettleSchedule } from './settle-schedule'

/** Edits that stopped this long ago are indexed: a finished edit is searchable within about 2 s. */
export const SEARCH_REINDEX_QUIET_MS = 1_000
/**
 * A document edited without pause is indexed at most this often. Each rewrite reads and projects the
 * whole document: once a second for every document being typed in took a third of the server's CPU
 * at 100 editors on 20 documents (`npm run bench -- --scenarios=latency --loads=100x20`).
 */
export const SEARCH_REINDEX_MAX_WAIT_MS = 10_000

export interface IndexedRoom {
  documentId: string
}

export class SearchIndexer {
  private running = new Map<string, Promise<void>>()
  private settle = new SettleSchedule(SEARCH_REINDEX_QUIET_MS, SEARCH_REINDEX_MAX_WAIT_MS, (documentId) => void this.reindex({ documentId }))

  constructor(
    private db: Db,
    private work: DocumentWork,
    private log: { error(obj: object, msg: string): void },
  ) {}

  /** The room's document changed (or loaded): rewrite its rows once the changes settle. */
  schedule(room: IndexedRoom): void {
    this.settle.touch(room.documentId)
  }

  private async reindex(room: IndexedRoom): Promise<void> {
    // One rewrite per document at a time; a change meanwhile schedules the next.
    await this.running.get(room.documentId)
    const run = this.rewrite(room).catch((err: Error) => {
      this.log.error({ documentId: room.documentId, err: err.message }, 'search indexing failed; the next edit retries')
    }).finally(() => this.running.delete(room.documentId))
    this.running.set(room.documentId, run)
    await run
  }

  private async rewrite(room: IndexedRoom): Promise<void> {
    const [doc] = await this.db.select({ id: documents.id, workspaceId: documents.workspaceId, kind: documents.kind, title: documents.title })
      .from(documents).where(eq(documents.id, room.documentId))
    if (!doc) return
    await this.work.reindex(doc.kind, doc)
  }

  close(): void {
    this.settle.close()
  }
}
