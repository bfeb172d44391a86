// Version history of a document: save a named version, list, read one, compare two, restore.
// Viewers may read and compare; owners and editors save and restore. Reading one version and
// comparing are audited ("version-viewed"), whoever does them.
import { eq } from 'drizzle-orm'
import { createRoute } from '@hono/zod-openapi'
import type { BatchItem } from 'drizzle-orm/batch'
import {
  CompareQuery, CompareResponse, DocumentParams, RestoreBody, RestoreResponse, SavedVersionResponse, SaveVersionBody,
  VersionListResponse, VersionParams, VersionProjectionResponse, VersionQuery, VersionThreadsResponse, type VersionRef,
} from '../../shared/api'
import { canEditDocuments, canReadWorkspace } from '../../shared/roles'
import { encodeNotice } from '../../shared/sync-notices'
import type { AppDeps } from '../app-deps'
import { documents } from '../db/schema'
import type { CompareSide } from '../documents/document-worker'
import { liveRoom } from '../documents/live-document'
import { fiscalYearStartOf } from '../documents/workspace-settings'
import { requireDocumentRole, requireSession, type DocumentRow } from '../http/access'
import { conflict, notFound } from '../http/errors'
import { apiRouter, errors, json, jsonBody } from '../http/openapi'
import { insertedVersions, versionInserts } from '../versions/version-store'
import { currentThreadStates, describeThreadChanges, describeThreads, type ThreadState } from '../versions/version-threads'
import { auditInsert, auditRead, newestVersionDetail } from '../audit/audit-log'

const tags = ['Versions']
const saveVersion = createRoute({
  method: 'post', path: '/{documentId}/versions', tags, summary: 'Save the live document as a version (owners, editors)',
  request: { params: DocumentParams, body: jsonBody(SaveVersionBody) },
  responses: { 201: json(SavedVersionResponse, 'The saved version'), ...errors(400, 401, 403, 404) },
})
const listVersions = createRoute({
  method: 'get', path: '/{documentId}/versions', tags, summary: 'Versions of a document, newest first',
  request: { params: DocumentParams },
  responses: { 200: json(VersionListResponse, 'Versions'), ...errors(401, 403, 404) },
})
const getVersion = createRoute({
  method: 'get', path: '/{documentId}/versions/{version}', tags, summary: 'One version: its JSON projection, or with ?format=yjs its binary Yjs state',
  request: { params: VersionParams, query: VersionQuery },
  responses: {
    200: {
      description: 'The version',
      content: { 'application/json': { schema: VersionProjectionResponse }, 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    },
    ...errors(400, 401, 403, 404),
  },
})
const versionThreads = createRoute({
  method: 'get', path: '/{documentId}/versions/{version}/threads', tags,
  summary: 'The threads a version recorded: open or resolved when it was saved (null: saved before threads were recorded)',
  request: { params: VersionParams },
  responses: { 200: json(VersionThreadsResponse, 'The threads'), ...errors(400, 401, 403, 404) },
})
const compare = createRoute({
  method: 'get', path: '/{documentId}/compare', tags, summary: 'Compare two versions, either of which may be "live"',
  request: { params: DocumentParams, query: CompareQuery },
  responses: { 200: json(CompareResponse, 'The comparison; its shape per kind is in shared/documents/compare.ts'), ...errors(400, 401, 403, 404) },
})
const restore = createRoute({
  method: 'post', path: '/{documentId}/restore', tags,
  summary: 'Make the live document equal to a version as one forward change, relayed to everyone, then saved as "Restored vN" (owners, editors)',
  request: { params: DocumentParams, body: jsonBody(RestoreBody) },
  responses: { 200: json(RestoreResponse, 'Restored'), ...errors(400, 401, 403, 404, 409, 503) },
})

export function versionRoutes(deps: AppDeps) {
  /** One side of a comparison: what it is called, and what the worker compares. */
  async function sideOf(document: DocumentRow, which: VersionRef) {
    if (which === 'live') {
      await liveRoom(deps, document) // a damaged document answers 503 naming it; the worker reads what is committed
      return {
        side: { version: 'live' as const, label: 'Live document' }, input: { committed: document.id } as CompareSide,
        threads: await currentThreadStates(deps.db, document.id) as ThreadState[] | null,
      }
    }
    const saved = await deps.versions.get(document.id, which)
    if (!saved) throw notFound(`version ${which} not found`)
    return { side: { version: which, label: saved.summary.label, createdAt: saved.summary.createdAt }, input: { projectionJson: saved.projectionJson } as CompareSide, threads: saved.threads }
  }

  return apiRouter().openapi(saveVersion, async (c) => {
    const { user } = requireSession(c)
    const { document } = await requireDocumentRole(deps.db, c.req.valid('param').documentId, user.id, canEditDocuments, 'save versions')
    const { label } = c.req.valid('json')
    // Loaded here first: a damaged document answers 503 naming it. The worker then reads what is committed.
    await liveRoom(deps, document)
    const version = await deps.documentWork.saveVersion({
      kind: document.kind, version: { documentId: document.id, meetingId: null, label: label ?? `Saved by ${user.name}`, authorId: user.id }, createdAt: deps.now(),
      audit: { workspaceId: document.workspaceId, actorId: user.id, action: 'version-saved', target: { type: 'document', id: document.id }, detail: document.title },
    })
    return c.json({ version: { ...version, authorName: user.name } }, 201)
  }).openapi(listVersions, async (c) => {
    const { user } = requireSession(c)
    const { document } = await requireDocumentRole(deps.db, c.req.valid('param').documentId, user.id, canReadWorkspace)
    return c.json({ versions: await deps.versions.list(document.id) }, 200)
  }).openapi(getVersion, async (c) => {
    const { user } = requireSession(c)
    const { documentId, version: number } = c.req.valid('param')
    const { document } = await requireDocumentRole(deps.db, documentId, user.id, canReadWorkspace)
    const saved = await deps.versions.get(document.id, number)
    if (!saved) throw notFound(`version ${number} not found`)
    if (c.req.valid('query').format === 'yjs') {
      // The whole version, as the page opens it to be read (history, a meeting's saved documents). The
      // JSON projection is what pages read for trends and baselines (the brief's track reads every
      // version): recording those would bury the reads people chose among reads nobody chose.
      await auditRead(deps, { workspaceId: document.workspaceId, actorId: user.id, action: 'version-viewed', target: { type: 'document', id: document.id }, detail: `${document.title} v${number}` })
      return c.body(saved.state as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/octet-stream' })
    }
    const threads = saved.threads && await describeThreads(deps.db, saved.threads)
    return c.json({ version: saved.summary, kind: document.kind, projection: JSON.parse(saved.projectionJson), threads }, 200)
  }).openapi(versionThreads, async (c) => {
    const { user } = requireSession(c)
    const { documentId, version: number } = c.req.valid('param')
    const { document } = await requireDocumentRole(deps.db, documentId, user.id, canReadWorkspace)
    const threads = await deps.versions.threads(document.id, number)
    if (threads === undefined) throw notFound(`version ${number} not found`)
    return c.json({ threads: threads && await describeThreads(deps.db, threads) }, 200)
  }).openapi(compare, async (c) => {
    const { user } = requireSession(c)
    const { document } = await requireDocumentRole(deps.db, c.req.valid('param').documentId, user.id, canReadWorkspace)
    const query = c.req.valid('query')
    const from = await sideOf(document, query.from)
    const to = await sideOf(document, query.to)
    const fyStartMonth = await fiscalYearStartOf(deps, document.workspaceId)
    const comparison = JSON.parse(await deps.documentWork.compare(document.kind, from.input, to.input, fyStartMonth))
    const threads = from.threads && to.threads && await describeThreadChanges(deps.db, from.threads, to.threads)
    const name = (ref: VersionRef) => (ref === 'live' ? 'live' : `v${ref}`)
    await auditRead(deps, {
      workspaceId: document.workspaceId, actorId: user.id, action: 'version-viewed', target: { type: 'document', id: document.id },
      detail: `${document.title}: compared ${name(query.from)} with ${name(query.to)}`,
    })
    return c.json({ kind: document.kind, from: from.side, to: to.side, comparison, threads }, 200)
  }).openapi(restore, async (c) => {
    const { user } = requireSession(c)
    const { document } = await requireDocumentRole(deps.db, c.req.valid('param').documentId, user.id, canEditDocuments, 'restore versions')
    if (document.archivedAt !== null) throw conflict('unarchive the document before restoring it')
    const { version } = c.req.valid('json')
    const saved = await deps.versions.get(document.id, version)
    if (!saved) throw notFound(`version ${version} not found`)
    const room = await liveRoom(deps, document)
    // Planned on the document worker from the document as committed now; an edit that lands
    // meanwhile merges with the restore like any concurrent edit (and is not in the "Restored vN" version).
    const { update, deletesDeepNesting, state, projectionJson, through } = await deps.documentWork.restore(document.kind, document.id, saved.state)
    // The document as the restore leaves it, recorded as "Restored vN" in the same transaction as
    // the change itself, with its audit row: a crash leaves all or none. The edited time is bumped even when the
    // restore changed nothing the log would show.
    const t = deps.now()
    const [insertVersion] = versionInserts(deps.db, [{
      documentId: document.id, meetingId: null, label: `Restored v${version}`, authorId: user.id, state, projectionJson,
    }], t)
    const statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] = [
      insertVersion, deps.db.update(documents).set({ updatedAt: t }).where(eq(documents.id, document.id)),
      auditInsert(deps.db, { workspaceId: document.workspaceId, actorId: user.id, action: 'version-restored', target: { type: 'document', id: document.id } }, t,
        { detail: newestVersionDetail(`${document.title} v${version} as`, document.id) }),
    ]
    // With a change: durable and relayed to everyone connected before this answers.
    // The document it leaves is stored as the compacted state in the same transaction (commitRestore).
    const results = update
      ? await deps.rooms.commitRestore(room, state, through, deletesDeepNesting, (compaction) => room.submitServerChange(update, [...statements, ...compaction], state, deletesDeepNesting))
      : await deps.db.batch(statements)
    const [recorded] = insertedVersions(results.slice(0, 1))
    // Everyone with the document open is told who restored which version (see shared/sync-notices.ts).
    room.broadcast(encodeNotice({
      type: 'restored', documentId: document.id, restoredFrom: version, savedAs: recorded.version,
      by: { id: user.id, name: user.name }, at: recorded.createdAt,
    }), null)
    return c.json({ restoredFrom: version, changed: update !== null, version: { ...recorded, authorName: user.name } }, 200)
  })
}
