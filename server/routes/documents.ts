// Documents of a workspace: create (from the kind's template), list, read metadata, rename, archive.
import { and, eq, getTableColumns, isNotNull, isNull, sql } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { CloseCode, CloseReason } from '../../shared/close-codes'
import { DOCUMENT_KINDS } from '../../shared/document-kinds'
import { canEditDocuments, canReadWorkspace } from '../../shared/roles'
import type { AppDeps, AppEnv } from '../app-deps'
import { documents, documentStates, documentUpdates } from '../db/schema'
import { initialState } from '../documents/initial-state'
import { requireDocumentRole, requireSession, requireWorkspaceRole, type DocumentRow } from '../http/access'
import { badRequest } from '../http/errors'
import { readJson } from '../http/validate'
import { newId } from '../ids'

const title = z.string().trim().min(1, 'is required').max(200)
const CreateBody = z.object({ kind: z.enum(DOCUMENT_KINDS), title })
const PatchBody = z.object({ title: title.optional(), archived: z.boolean().optional() })

export function documentDto(d: DocumentRow) {
  return {
    id: d.id, workspaceId: d.workspaceId, kind: d.kind, title: d.title,
    archivedAt: d.archivedAt !== null ? new Date(d.archivedAt).toISOString() : null,
    createdAt: new Date(d.createdAt).toISOString(), updatedAt: new Date(d.updatedAt).toISOString(),
  }
}

/** Inserts a document row and its template state in one transaction. */
export async function createDocument(deps: AppDeps, workspaceId: string, kind: DocumentRow['kind'], documentTitle: string, state = initialState(kind), id = newId()): Promise<DocumentRow> {
  const t = deps.now()
  const row: DocumentRow = { id, workspaceId, kind, title: documentTitle, archivedAt: null, createdAt: t, updatedAt: t }
  await deps.db.batch([
    deps.db.insert(documents).values(row),
    deps.db.insert(documentStates).values({ documentId: row.id, state: Buffer.from(state), throughSeq: 0, updatedAt: t }),
  ])
  return row
}

/**
 * When a document was last edited, derived at read time rather than written per edit: the row's
 * own updated_at (creation, rename, archive, restore, compaction) or its newest log row, whichever
 * is later. The log's primary key (document_id, seq) makes the max an index lookup.
 */
const editedAt = sql<number>`max(${documents.updatedAt}, coalesce((select max(${documentUpdates.createdAt}) from ${documentUpdates} where ${documentUpdates.documentId} = ${documents.id}), 0))`

export function workspaceDocumentRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  app.post('/:workspaceId/documents', async (c) => {
    const { user } = requireSession(c)
    const workspaceId = c.req.param('workspaceId')
    await requireWorkspaceRole(deps.db, workspaceId, user.id, canEditDocuments, 'create documents')
    const body = await readJson(c, CreateBody)
    const row = await createDocument(deps, workspaceId, body.kind, body.title)
    return c.json(documentDto(row), 201)
  })

  app.get('/:workspaceId/documents', async (c) => {
    const { user } = requireSession(c)
    const workspaceId = c.req.param('workspaceId')
    await requireWorkspaceRole(deps.db, workspaceId, user.id, canReadWorkspace)
    const archived = c.req.query('archived')
    if (archived !== undefined && archived !== 'true' && archived !== 'false') throw badRequest('archived must be true or false')
    const rows = await deps.db.select({ ...getTableColumns(documents), updatedAt: editedAt }).from(documents)
      .where(and(eq(documents.workspaceId, workspaceId), archived === 'true' ? isNotNull(documents.archivedAt) : isNull(documents.archivedAt)))
      .orderBy(documents.kind, documents.title)
    return c.json({ documents: rows.map(documentDto) })
  })

  return app
}

export function documentRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  app.get('/:documentId', async (c) => {
    const { user } = requireSession(c)
    const { document, role } = await requireDocumentRole(deps.db, c.req.param('documentId'), user.id, canReadWorkspace)
    return c.json({ document: documentDto(document), role, canWrite: canEditDocuments(role) && document.archivedAt === null })
  })

  app.patch('/:documentId', async (c) => {
    const { user } = requireSession(c)
    const documentId = c.req.param('documentId')
    const { document } = await requireDocumentRole(deps.db, documentId, user.id, canEditDocuments, 'change documents')
    const body = await readJson(c, PatchBody)
    if (body.title === undefined && body.archived === undefined) throw badRequest('nothing to change: send title or archived')
    const patch: Partial<DocumentRow> = { updatedAt: deps.now() }
    if (body.title !== undefined) patch.title = body.title
    if (body.archived !== undefined) patch.archivedAt = body.archived ? (document.archivedAt ?? deps.now()) : null
    await deps.db.update(documents).set(patch).where(eq(documents.id, documentId))
    if (body.archived === true) {
      const room = deps.rooms.loaded(documentId)
      room?.closeAll(CloseCode.documentGone, CloseReason[CloseCode.documentGone])
    }
    return c.json({ document: documentDto({ ...document, ...patch }) })
  })

  return app
}
