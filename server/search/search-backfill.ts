// Indexes the documents that have no search rows yet (a database from before search existed), once
// at start, in the background: each from its stored state on the document worker. Idempotent, so
// instances starting together may both do it.
import * as Y from 'yjs'
import type { DocumentKind } from '../../shared/document-kinds'
import type { AppDeps } from '../app-deps'
import { indexDocument } from './search-index'

export async function backfillSearchIndex(deps: Pick<AppDeps, 'client' | 'store' | 'documentWork' | 'log'>): Promise<number> {
  const { rows } = await deps.client.execute(
    "SELECT id, workspace_id, kind, title FROM documents d WHERE NOT EXISTS (SELECT 1 FROM search_index s WHERE s.document_id = d.id AND s.source = 'document')",
  )
  for (const r of rows) {
    const doc = { id: r.id as string, workspaceId: r.workspace_id as string, title: r.title as string }
    try {
      const stored = await deps.store.load(doc.id)
      const state = Y.mergeUpdates([...(stored.state ? [stored.state] : []), ...stored.updates.map((u) => u.update)])
      await indexDocument(deps.client, doc, await deps.documentWork.searchRows(r.kind as DocumentKind, state))
    } catch (err) {
      deps.log.warn({ documentId: doc.id, err: (err as Error).message }, 'search backfill skipped a document; its next edit indexes it')
    }
  }
  return rows.length
}
