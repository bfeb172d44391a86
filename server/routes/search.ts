// Workspace search for its members: document titles, record fields, rich text and comments, from
// the FTS5 index kept by server/search/. Only the asked workspace's rows are read.
import { createRoute } from '@hono/zod-openapi'
import { SearchQuery, SearchResponse, WorkspaceParams } from '../../shared/api'
import { canReadWorkspace } from '../../shared/roles'
import type { AppDeps } from '../app-deps'
import { requireSession, requireWorkspaceRole } from '../http/access'
import { apiRouter, errors, json } from '../http/openapi'
import { searchWorkspace } from '../search/search-index'

const search = createRoute({
  method: 'get', path: '/{workspaceId}/search', tags: ['Search'], summary: 'Search the workspace\'s documents, records and comments (every member)',
  request: { params: WorkspaceParams, query: SearchQuery },
  responses: { 200: json(SearchResponse, 'Matches, best first (at most 30)'), ...errors(400, 401, 403) },
})

export function searchRoutes(deps: AppDeps) {
  return apiRouter().openapi(search, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId } = c.req.valid('param')
    await requireWorkspaceRole(deps.db, workspaceId, user.id, canReadWorkspace)
    return c.json({ results: await searchWorkspace(deps.client, workspaceId, c.req.valid('query').q) }, 200)
  })
}
