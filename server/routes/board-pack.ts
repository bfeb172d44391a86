// The board pack of an ended meeting, as PDF or Markdown, built from the versions saved when it ended.
// Any member of the meeting's workspace may download it (board members are usually viewers).
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { createRoute } from '@hono/zod-openapi'
import { DocumentParams, MeetingParams } from '../../shared/api'
import { canReadWorkspace } from '../../shared/roles'
import type { AppDeps } from '../app-deps'
import { buildBoardPackModel, buildDocumentModel, type BoardPackModel } from '../board-pack/board-pack-model'
import { renderMarkdown } from '../board-pack/markdown'
import { PdfRenderer, PdfRenderTimeout } from '../board-pack/pdf-in-worker'
import { loadBoardPackInput } from '../board-pack/saved-sources'
import { meetings, workspaces } from '../db/schema'
import { requireDocumentRole, requireSession, requireWorkspaceRole } from '../http/access'
import { HttpError, conflict, notFound } from '../http/errors'
import { apiRouter, errors } from '../http/openapi'
import { auditRead } from '../audit/audit-log'

export const NOT_ENDED = 'the meeting has not ended; its board pack is built from the versions saved when it ends'

function downloadHeaders(contentType: string, filename: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'private, no-cache',
    'x-content-type-options': 'nosniff',
  }
}

const file = (contentType: string, description: string) => ({ description, content: { [contentType]: { schema: { type: 'string' as const, format: 'binary' } } } })
const tags = ['Board pack']
const markdownPack = createRoute({
  method: 'get', path: '/{meetingId}/board-pack.md', tags, summary: 'The board pack of an ended meeting as Markdown',
  request: { params: MeetingParams },
  responses: { 200: file('text/markdown', 'Summary, brief and roadmap from the versions saved when the meeting ended'), ...errors(401, 403, 404, 409) },
})
const pdfPack = createRoute({
  method: 'get', path: '/{meetingId}/board-pack.pdf', tags, summary: 'The board pack of an ended meeting as PDF',
  request: { params: MeetingParams },
  responses: { 200: file('application/pdf', 'The same content as the Markdown pack'), ...errors(401, 403, 404, 409, 503) },
})

const documentPdf = createRoute({
  method: 'get', path: '/{documentId}/export.pdf', tags, summary: 'One document as PDF, from its live state (any member)',
  request: { params: DocumentParams },
  responses: { 200: file('application/pdf', 'The document drawn as in the board pack'), ...errors(401, 403, 404, 503) },
})

async function renderOr503(deps: AppDeps, pdfs: PdfRenderer, cacheKey: string, model: BoardPackModel, what: string, logged: Record<string, string>): Promise<Uint8Array> {
  try {
    return await pdfs.render(cacheKey, model)
  } catch (err) {
    deps.log.error({ ...logged, err: (err as Error).message }, `${what} PDF failed`)
    throw new HttpError(503, err instanceof PdfRenderTimeout ? `the ${what} took too long to render; try again shortly` : `the ${what} could not be rendered`, { 'Retry-After': '5' })
  }
}

const contentKey = (id: string, model: BoardPackModel) => `${id}:${createHash('sha256').update(JSON.stringify(model)).digest('hex')}`

/** GET /api/documents/:id/export.pdf: the document as committed (what every open page shows), projected on the document worker, drawn like its section of the pack. */
export function documentExportRoutes(deps: AppDeps, pdfs: PdfRenderer) {
  return apiRouter().openapi(documentPdf, async (c) => {
    const { user } = requireSession(c)
    const { document } = await requireDocumentRole(deps.db, c.req.valid('param').documentId, user.id, canReadWorkspace)
    const projectionJson = await deps.documentWork.projection(document.kind, document.id)
    const [workspace] = await deps.db.select({ name: workspaces.name, fyStartMonth: workspaces.fiscalYearStartMonth }).from(workspaces).where(eq(workspaces.id, document.workspaceId))
    const model = buildDocumentModel({
      workspaceName: workspace?.name ?? '', fyStartMonth: workspace?.fyStartMonth, title: document.title, at: deps.now(),
      document: { kind: document.kind, projection: JSON.parse(projectionJson) } as Parameters<typeof buildDocumentModel>[0]['document'],
    })
    const pdf = await renderOr503(deps, pdfs, contentKey(document.id, model), model, 'document', { documentId: document.id })
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, downloadHeaders('application/pdf', `${model.fileStem}.pdf`))
  })
}

export function boardPackRoutes(deps: AppDeps, pdfs: PdfRenderer) {

  async function boardPack(meetingId: string, userId: string): Promise<BoardPackModel & { cacheKey: string }> {
    const [meeting] = await deps.db.select().from(meetings).where(eq(meetings.id, meetingId))
    if (!meeting) throw notFound('meeting not found')
    await requireWorkspaceRole(deps.db, meeting.workspaceId, userId, canReadWorkspace)
    if (meeting.endedAt === null) throw conflict(NOT_ENDED)
    const model = buildBoardPackModel(await loadBoardPackInput(deps, { ...meeting, endedAt: meeting.endedAt }))
    // Keyed on the content: decisions, attendance and actions can change after the end (until the minutes are approved).
    return { ...model, cacheKey: contentKey(meeting.id, model) }
  }

  async function auditDownload(meetingId: string, userId: string, format: string) {
    const [meeting] = await deps.db.select({ workspaceId: meetings.workspaceId, title: meetings.title }).from(meetings).where(eq(meetings.id, meetingId))
    await auditRead(deps, { workspaceId: meeting.workspaceId, actorId: userId, action: 'board-pack-downloaded', target: { type: 'meeting', id: meetingId }, detail: `${meeting.title} (${format})` })
  }

  return apiRouter().openapi(markdownPack, async (c) => {
    const { user } = requireSession(c)
    const model = await boardPack(c.req.valid('param').meetingId, user.id)
    await auditDownload(c.req.valid('param').meetingId, user.id, 'Markdown')
    return c.body(renderMarkdown(model), 200, downloadHeaders('text/markdown; charset=utf-8', `${model.fileStem}.md`))
  }).openapi(pdfPack, async (c) => {
    const { user } = requireSession(c)
    const { meetingId } = c.req.valid('param')
    const model = await boardPack(meetingId, user.id)
    const hitsBefore = pdfs.stats.cacheHits
    // In a worker thread (pdfkit's layout is synchronous and would stall every live room), cached per meeting.
    const { cacheKey, ...pack } = model
    const pdf = await renderOr503(deps, pdfs, cacheKey, pack, 'board pack', { meetingId })
    await auditDownload(meetingId, user.id, 'PDF')
    c.header('x-board-pack-cache', pdfs.stats.cacheHits > hitsBefore ? 'hit' : 'miss')
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, downloadHeaders('application/pdf', `${model.fileStem}.pdf`))
  })
}
