// Documents of a workspace: create (from the kind's template), list, read metadata, rename, archive.
import { and, eq, getTableColumns, isNotNull, isNull, sql } from 'drizzle-orm'
import { createRoute } from '@hono/zod-openapi'
import {
  CreateDocumentBody, DocumentDto, DocumentListQuery, DocumentListResponse, DocumentParams, DocumentResponse,
  DocumentWithAccessResponse, PatchDocumentBody, WorkspaceParams,
} from '../../shared/api'
import { canEditDocuments, canReadWorkspace } from '../../shared/roles'
import type { AppDeps } from '../app-deps'
import { documents, documentStates, documentUpdates } from '../db/schema'
import { initialState } from '../documents/initial-state'
import { requireDocumentRole, requireSession, requireWorkspaceRole, type DocumentRow } from '../http/access'
import { badRequest } from '../http/errors'
import { apiRouter, errors, json, jsonBody } from '../http/openapi'
import { newId } from '../ids'
import { revokeAccess } from '../sync/revocation'
import { auditInsert } from '../audit/audit-log'
import { renameInIndex } from '../search/search-index'

const tags = ['Documents']
const createDocumentRoute = createRoute({
  method: 'post', path: '/{workspaceId}/documents', tags, summary: "Create a document from its kind's template (owners, editors)",
  request: { params: WorkspaceParams, body: jsonBody(CreateDocumentBody) },
  responses: { 201: json(DocumentDto, 'The new document'), ...errors(400, 401, 403) },
})
const listDocuments = createRoute({
  method: 'get', path: '/{workspaceId}/documents', tags, summary: 'Documents of a workspace (default: not archived)',
  request: { params: WorkspaceParams, query: DocumentListQuery },
  responses: { 200: json(DocumentListResponse, 'Documents by kind and title'), ...errors(400, 401, 403) },
})
const getDocument = createRoute({
  method: 'get', path: '/{documentId}', tags, summary: "A document and the caller's role",
  request: { params: DocumentParams },
  responses: { 200: json(DocumentWithAccessResponse, 'The document'), ...errors(401, 403, 404) },
})
const patchDocument = createRoute({
  method: 'patch', path: '/{documentId}', tags, summary: 'Rename or archive (owners, editors); archiving closes its sync sockets with 4404',
  request: { params: DocumentParams, body: jsonBody(PatchDocumentBody) },
  responses: { 200: json(DocumentResponse, 'The document'), ...errors(400, 401, 403, 404) },
})

export function documentDto(d: DocumentRow): DocumentDto {
  return {
    id: d.id, workspaceId: d.workspaceId, kind: d.kind, title: d.title,
    archivedAt: d.archivedAt !== null ? new Date(d.archivedAt).toISOString() : null,
    createdAt: new Date(d.createdAt).toISOString(), updatedAt: new Date(d.updatedAt).toISOString(),
  }
}

/**
 * Inserts a document row and its template state in one transaction, with its audit row when a
 * person created it (`createdBy`; documents a meeting or the seed makes are not audited).
 */
export async function createDocument(deps: AppDeps, workspaceId: string, kind: DocumentRow['kind'], documentTitle: string,
  { state = initialState(kind), id = newId(), createdBy }: { state?: Uint8Array; id?: string; createdBy?: string } = {}): Promise<DocumentRow> {
  const t = deps.now()
  const row: DocumentRow = { id, workspaceId, kind, title: documentTitle, archivedAt: null, createdAt: t, updatedAt: t }
  await deps.db.batch([
    deps.db.insert(documents).values(row),
    deps.db.insert(documentStates).values({ documentId: row.id, state: Buffer.from(state), throughSeq: 0, updatedAt: t }),
    ...(createdBy ? [auditInsert(deps.db, { workspaceId, actorId: createdBy, action: 'document-created', target: { type: 'document', id: row.id }, detail: row.title }, t)] : []),
  ])
  // Searchable at once, title and content (server/search/); edits reindex it from then on.
  await deps.documentWork.reindex(kind, row)
  return row
}

/**
 * When a document was last edited, derived at read time rather than written per edit: the row's
 * own updated_at (creation, rename, archive, restore, compaction) or its newest log row, whichever
 * is later. The log's primary key (document_id, seq) makes the max an index lookup.
 */
const editedAt = sql<number>`max(${documents.updatedAt}, coalesce((select max(${documentUpdates.createdAt}) from ${documentUpdates} where ${documentUpdates.documentId} = ${documents.id}), 0))`

export function workspaceDocumentRoutes(deps: AppDeps) {
  return apiRouter().openapi(createDocumentRoute, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId } = c.req.valid('param')
    await requireWorkspaceRole(deps.db, workspaceId, user.id, canEditDocuments, 'create documents')
    const body = c.req.valid('json')
    const row = await createDocument(deps, workspaceId, body.kind, body.title, { createdBy: user.id })
    return c.json(documentDto(row), 201)
  }).openapi(listDocuments, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId } = c.req.valid('param')
    await requireWorkspaceRole(deps.db, workspaceId, user.id, canReadWorkspace)
    const { archived } = c.req.valid('query')
    const rows = await deps.db.select({ ...getTableColumns(documents), updatedAt: editedAt }).from(documents)
      .where(and(eq(documents.workspaceId, workspaceId), archived === 'true' ? isNotNull(documents.archivedAt) : isNull(documents.archivedAt)))
      .orderBy(documents.kind, documents.title)
    return c.json({ documents: rows.map(documentDto) }, 200)
  })
}

export function documentRoutes(deps: AppDeps) {
  return apiRouter().openapi(getDocument, async (c) => {
    const { user } = requireSession(c)
    const { document, role } = await requireDocumentRole(deps.db, c.req.valid('param').documentId, user.id, canReadWorkspace)
    return c.json({ document: documentDto(document), role, canWrite: canEditDocuments(role) && document.archivedAt === null }, 200)
  }).openapi(patchDocument, async (c) => {
    const { user } = requireSession(c)
    const { documentId } = c.req.valid('param')
    const { document } = await requireDocumentRole(deps.db, documentId, user.id, canEditDocuments, 'change documents')
    const body = c.req.valid('json')
    if (body.title === undefined && body.archived === undefined) throw badRequest('nothing to change: send title or archived')
    const patch: Partial<DocumentRow> = { updatedAt: deps.now() }
    if (body.title !== undefined) patch.title = body.title
    if (body.archived !== undefined) patch.archivedAt = body.archived ? (document.archivedAt ?? deps.now()) : null
    const update = deps.db.update(documents).set(patch).where(eq(documents.id, documentId))
    // An archive is recorded only if the document is not archived as the batch runs (of two at once, one).
    await deps.db.batch(body.archived === true && document.archivedAt === null ? [
      auditInsert(deps.db, { workspaceId: document.workspaceId, actorId: user.id, action: 'document-archived', target: { type: 'document', id: documentId }, detail: document.title },
        patch.updatedAt!, { onlyIf: sql`(SELECT archived_at FROM ${documents} WHERE id = ${documentId}) IS NULL` }),
      update,
    ] : [update])
    if (body.title !== undefined) await renameInIndex(deps.client, documentId, body.title)
    if (body.archived === true) revokeAccess(deps, { kind: 'document', documentId })
    return c.json({ document: documentDto({ ...document, ...patch }) }, 200)
  })
}
