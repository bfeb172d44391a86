// Indexes the documents that have no search rows yet (a database from before search existed), once
// at start, in the background: each from its stored state on the document worker. Idempotent, so
// instances starting together may both do it.
import type { DocumentKind } from '../../shared/document-kinds'
import type { AppDeps } from '../app-deps'

export async function backfillSearchIndex(deps: Pick<AppDeps, 'client' | 'documentWork' | 'log'>): Promise<number> {
  const { rows } = await deps.client.execute(
    "SELECT id, workspace_id, kind, title FROM documents d WHERE NOT EXISTS (SELECT 1 FROM search_index s WHERE s.document_id = d.id AND s.source = 'document')",
  )
  for (const r of rows) {
    const doc = { id: r.id as string, workspaceId: r.workspace_id as string, title: r.title as string }
    try {
      await deps.documentWork.reindex(r.kind as DocumentKind, doc)
    } catch (err) {
      deps.log.warn({ documentId: doc.id, err: (err as Error).message }, 'search backfill skipped a document; its next edit indexes it')
    }
  }
  return rows.length
}
