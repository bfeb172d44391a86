// Keeps the search index current from committed edits, off the commit path: a room that committed
// schedules its document, and at most once per SEARCH_REINDEX_DEBOUNCE_MS after the commits settle
// the document worker reads what is committed, projects it and rewrites its rows (search-index.ts). The
// instance that committed does it; the rewrite is idempotent, so two instances doing it is harmless.
import { eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { documents } from '../db/schema'
import type { DocumentWork } from '../documents/document-work'

/** Long enough to fold a burst of typing into one rewrite, short enough for search to be current within 2 s. */
export const SEARCH_REINDEX_DEBOUNCE_MS = 1_000

export interface IndexedRoom {
  documentId: string
}

export class SearchIndexer {
  private timers = new Map<string, NodeJS.Timeout>()
  private running = new Map<string, Promise<void>>()

  constructor(
    private db: Db,
    private work: DocumentWork,
    private log: { error(obj: object, msg: string): void },
  ) {}

  /** The room's document changed (or loaded): rewrite its rows once the changes settle. */
  schedule(room: IndexedRoom): void {
    if (this.timers.has(room.documentId)) return
    const timer = setTimeout(() => {
      this.timers.delete(room.documentId)
      void this.reindex(room)
    }, SEARCH_REINDEX_DEBOUNCE_MS)
    timer.unref()
    this.timers.set(room.documentId, timer)
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
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }
}
