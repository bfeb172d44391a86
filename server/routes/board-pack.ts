// The board pack of an ended meeting, as PDF or Markdown, built from the versions saved when it ended.
// Any member of the meeting's workspace may download it (board members are usually viewers).
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { createRoute } from '@hono/zod-openapi'
import { MeetingParams } from '../../shared/api'
import { canReadWorkspace } from '../../shared/roles'
import type { AppDeps } from '../app-deps'
import { buildBoardPackModel, type BoardPackModel } from '../board-pack/board-pack-model'
import { renderMarkdown } from '../board-pack/markdown'
import { PdfRenderer, PdfRenderTimeout } from '../board-pack/pdf-in-worker'
import { loadBoardPackInput } from '../board-pack/saved-sources'
import { meetings } from '../db/schema'
import { requireSession, requireWorkspaceRole } from '../http/access'
import { HttpError, conflict, notFound } from '../http/errors'
import { apiRouter, errors } from '../http/openapi'
import { audit } from '../audit/audit-log'

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

export function boardPackRoutes(deps: AppDeps) {
  const pdfs = new PdfRenderer()

  async function boardPack(meetingId: string, userId: string): Promise<BoardPackModel & { cacheKey: string }> {
    const [meeting] = await deps.db.select().from(meetings).where(eq(meetings.id, meetingId))
    if (!meeting) throw notFound('meeting not found')
    await requireWorkspaceRole(deps.db, meeting.workspaceId, userId, canReadWorkspace)
    if (meeting.endedAt === null) throw conflict(NOT_ENDED)
    const model = buildBoardPackModel(await loadBoardPackInput(deps, { ...meeting, endedAt: meeting.endedAt }))
    // Keyed on the content: decisions, attendance and actions can change after the end (until the minutes are approved).
    return { ...model, cacheKey: `${meeting.id}:${createHash('sha256').update(JSON.stringify(model)).digest('hex')}` }
  }

  async function auditDownload(meetingId: string, userId: string, format: string) {
    const [meeting] = await deps.db.select({ workspaceId: meetings.workspaceId, title: meetings.title }).from(meetings).where(eq(meetings.id, meetingId))
    await audit(deps, { workspaceId: meeting.workspaceId, actorId: userId, action: 'board-pack-downloaded', target: { type: 'meeting', id: meetingId }, detail: `${meeting.title} (${format})` })
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
    let pdf: Uint8Array
    try {
      pdf = await pdfs.render(cacheKey, pack)
    } catch (err) {
      deps.log.error({ meetingId, err: (err as Error).message }, 'board pack PDF failed')
      throw new HttpError(503, err instanceof PdfRenderTimeout ? 'the board pack took too long to render; try again shortly' : 'the board pack could not be rendered', { 'Retry-After': '5' })
    }
    await auditDownload(meetingId, user.id, 'PDF')
    c.header('x-board-pack-cache', pdfs.stats.cacheHits > hitsBefore ? 'hit' : 'miss')
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, downloadHeaders('application/pdf', `${model.fileStem}.pdf`))
  })
}
