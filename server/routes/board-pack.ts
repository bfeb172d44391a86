// The board pack of an ended meeting, as PDF or Markdown, built from the versions saved when it ended.
// Any member of the meeting's workspace may download it (board members are usually viewers).
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { canReadWorkspace } from '../../shared/roles'
import type { AppDeps, AppEnv } from '../app-deps'
import { buildBoardPackModel, type BoardPackModel } from '../board-pack/board-pack-model'
import { renderMarkdown } from '../board-pack/markdown'
import { loadBoardPackInput } from '../board-pack/saved-sources'
import { meetings } from '../db/schema'
import { requireSession, requireWorkspaceRole } from '../http/access'
import { conflict, notFound } from '../http/errors'

export const NOT_ENDED = 'the meeting has not ended; its board pack is built from the versions saved when it ends'

function downloadHeaders(contentType: string, filename: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'private, no-cache',
    'x-content-type-options': 'nosniff',
  }
}

export function boardPackRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  async function boardPack(meetingId: string, userId: string): Promise<BoardPackModel> {
    const [meeting] = await deps.db.select().from(meetings).where(eq(meetings.id, meetingId))
    if (!meeting) throw notFound('meeting not found')
    await requireWorkspaceRole(deps.db, meeting.workspaceId, userId, canReadWorkspace)
    if (meeting.endedAt === null) throw conflict(NOT_ENDED)
    return buildBoardPackModel(await loadBoardPackInput(deps, { ...meeting, endedAt: meeting.endedAt }))
  }

  app.get('/:meetingId/board-pack.md', async (c) => {
    const { user } = requireSession(c)
    const model = await boardPack(c.req.param('meetingId'), user.id)
    return c.body(renderMarkdown(model), 200, downloadHeaders('text/markdown; charset=utf-8', `${model.fileStem}.md`))
  })

  app.get('/:meetingId/board-pack.pdf', async (c) => {
    const { user } = requireSession(c)
    const model = await boardPack(c.req.param('meetingId'), user.id)
    // pdfkit is loaded on the first download, not at start: it is large and rarely needed.
    const { renderPdf } = await import('../board-pack/pdf')
    const pdf = await renderPdf(model)
    return c.body(new Uint8Array(pdf), 200, downloadHeaders('application/pdf', `${model.fileStem}.pdf`))
  })

  return app
}
