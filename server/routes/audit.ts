// The workspace's audit log, newest first, for owners. Read-only: no route changes an entry.
import { createRoute } from '@hono/zod-openapi'
import { AuditQuery, AuditResponse, WorkspaceParams } from '../../shared/api'
import { canReadAuditLog } from '../../shared/roles'
import type { AppDeps } from '../app-deps'
import { auditPage } from '../audit/audit-log'
import { requireSession, requireWorkspaceRole } from '../http/access'
import { apiRouter, errors, json } from '../http/openapi'

const readAudit = createRoute({
  method: 'get', path: '/{workspaceId}/audit', tags: ['Audit'], summary: "The workspace's audit log, newest first, a page at a time (owners)",
  request: { params: WorkspaceParams, query: AuditQuery },
  responses: { 200: json(AuditResponse, 'Entries; nextBefore reads the next page'), ...errors(400, 401, 403) },
})

export function auditRoutes(deps: AppDeps) {
  return apiRouter().openapi(readAudit, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId } = c.req.valid('param')
    await requireWorkspaceRole(deps.db, workspaceId, user.id, canReadAuditLog, 'read the audit log')
    const { limit, before } = c.req.valid('query')
    return c.json(await auditPage(deps, workspaceId, limit, before), 200)
  })
}
