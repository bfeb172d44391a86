// Version history of a document: save a named version, list, read one, compare two, restore.
// Viewers may read and compare; owners and editors save and restore.
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import * as Y from 'yjs'
import { z } from 'zod'
import { compareProjections, projectDocument } from '../../shared/documents'
import { canEditDocuments, canReadWorkspace } from '../../shared/roles'
import { encodeNotice } from '../../shared/sync-notices'
import type { AppDeps, AppEnv } from '../app-deps'
import { documents } from '../db/schema'
import { liveRoom, liveSnapshot } from '../documents/live-document'
import { fiscalYearStartOf } from '../documents/workspace-settings'
import { requireDocumentRole, requireSession, type DocumentRow } from '../http/access'
import { badRequest, conflict, notFound } from '../http/errors'
import { readJson } from '../http/validate'
import { documentRoots } from '../versions/document-roots'
import { buildRestoreUpdate } from '../versions/restore'

const LabelBody = z.object({ label: z.string().trim().min(1, 'is required').max(200).optional() })
const RestoreBody = z.object({ version: z.number().int().positive() })

function parseVersionParam(raw: string | undefined, name: string): number | 'live' {
  if (raw === 'live') return 'live'
  const n = Number(raw)
  if (!raw || !Number.isInteger(n) || n < 1) throw badRequest(`${name} must be a version number or "live"`)
  return n
}

export function versionRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  async function projectionOf(document: DocumentRow, which: number | 'live') {
    if (which === 'live') return { version: 'live' as const, label: 'Live document', projection: (await liveSnapshot(deps, document)).projection }
    const saved = await deps.versions.get(document.id, which)
    if (!saved) throw notFound(`version ${which} not found`)
    return { version: which, label: saved.summary.label, createdAt: saved.summary.createdAt, projection: saved.projection }
  }

  app.post('/:documentId/versions', async (c) => {
    const { user } = requireSession(c)
    const { document } = await requireDocumentRole(deps.db, c.req.param('documentId'), user.id, canEditDocuments, 'save versions')
    const { label } = await readJson(c, LabelBody)
    const { state, projection } = await liveSnapshot(deps, document)
    const [version] = await deps.versions.save([{ documentId: document.id, meetingId: null, label: label ?? `Saved by ${user.name}`, authorId: user.id, state, projection }])
    return c.json({ version: { ...version, authorName: user.name } }, 201)
  })

  app.get('/:documentId/versions', async (c) => {
    const { user } = requireSession(c)
    const { document } = await requireDocumentRole(deps.db, c.req.param('documentId'), user.id, canReadWorkspace)
    return c.json({ versions: await deps.versions.list(document.id) })
  })

  app.get('/:documentId/versions/:version', async (c) => {
    const { user } = requireSession(c)
    const { document } = await requireDocumentRole(deps.db, c.req.param('documentId'), user.id, canReadWorkspace)
    const number = parseVersionParam(c.req.param('version'), 'version')
    if (number === 'live') throw badRequest('version must be a number')
    const saved = await deps.versions.get(document.id, number)
    if (!saved) throw notFound(`version ${number} not found`)
    if (c.req.query('format') === 'yjs') {
      return c.body(saved.state as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/octet-stream' })
    }
    return c.json({ version: saved.summary, kind: document.kind, projection: saved.projection })
  })

  app.get('/:documentId/compare', async (c) => {
    const { user } = requireSession(c)
    const { document } = await requireDocumentRole(deps.db, c.req.param('documentId'), user.id, canReadWorkspace)
    const from = await projectionOf(document, parseVersionParam(c.req.query('from'), 'from'))
    const to = await projectionOf(document, parseVersionParam(c.req.query('to'), 'to'))
    const fyStartMonth = await fiscalYearStartOf(deps, document.workspaceId)
    const comparison = compareProjections(document.kind, from.projection as never, to.projection as never, { fyStartMonth })
    return c.json({ kind: document.kind, from: { ...from, projection: undefined }, to: { ...to, projection: undefined }, comparison })
  })

  app.post('/:documentId/restore', async (c) => {
    const { user } = requireSession(c)
    const { document } = await requireDocumentRole(deps.db, c.req.param('documentId'), user.id, canEditDocuments, 'restore versions')
    if (document.archivedAt !== null) throw conflict('unarchive the document before restoring it')
    const { version } = await readJson(c, RestoreBody)
    const saved = await deps.versions.get(document.id, version)
    if (!saved) throw notFound(`version ${version} not found`)
    const room = await liveRoom(deps, document)
    const update = buildRestoreUpdate(Y.encodeStateAsUpdate(room.doc), saved.state, documentRoots(document.kind))
    // Durable and relayed to everyone connected before the restore is recorded as its own version.
    if (update) await room.submitServerChange(update)
    // Bumps the list's "edited" time even when the restore changed nothing the log would show.
    await deps.db.update(documents).set({ updatedAt: deps.now() }).where(eq(documents.id, document.id))
    const [recorded] = await deps.versions.save([{
      documentId: document.id, meetingId: null, label: `Restored v${version}`, authorId: user.id,
      state: Y.encodeStateAsUpdate(room.doc), projection: projectDocument(document.kind, room.doc),
    }])
    // Everyone with the document open is told who restored which version (see shared/sync-notices.ts).
    room.broadcast(encodeNotice({
      type: 'restored', documentId: document.id, restoredFrom: version, savedAs: recorded.version,
      by: { id: user.id, name: user.name }, at: recorded.createdAt,
    }), null)
    return c.json({ restoredFrom: version, changed: update !== null, version: { ...recorded, authorName: user.name } })
  })

  return app
}
