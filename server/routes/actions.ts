// Action items: created and listed per meeting (with the items carried from earlier meetings of its
// cadence), listed per workspace, edited one at a time. Creating and editing are for owners and
// editors; every member reads them.
import { eq } from 'drizzle-orm'
import { createRoute } from '@hono/zod-openapi'
import {
  ActionBody, ActionListQuery, ActionListResponse, ActionParams, ActionResponse, MeetingActionsResponse, MeetingParams, PatchActionBody, WorkspaceParams,
} from '../../shared/api'
import { canEditDocuments, canReadWorkspace } from '../../shared/roles'
import type { AppDeps } from '../app-deps'
import { actionItems, meetings } from '../db/schema'
import { requireSession, requireWorkspaceRole } from '../http/access'
import { notFound } from '../http/errors'
import { apiRouter, errors, json, jsonBody } from '../http/openapi'
import { newId } from '../ids'
import { actionById, meetingActions, requireMemberOwner, workspaceActions, type ActionRow } from '../meetings/action-items'

const tags = ['Actions']
const createAction = createRoute({
  method: 'post', path: '/{meetingId}/actions', tags, summary: 'Create an action item in a meeting (owners, editors); its owner must be a member',
  request: { params: MeetingParams, body: jsonBody(ActionBody) },
  responses: { 201: json(ActionResponse, 'The action item'), ...errors(400, 401, 403, 404) },
})
const listMeetingActions = createRoute({
  method: 'get', path: '/{meetingId}/actions', tags,
  summary: "A meeting's action items, and the open items carried from earlier ended meetings of the same workspace and cadence",
  request: { params: MeetingParams },
  responses: { 200: json(MeetingActionsResponse, 'Action items'), ...errors(401, 403, 404) },
})
const listWorkspaceActions = createRoute({
  method: 'get', path: '/{workspaceId}/actions', tags, summary: "A workspace's action items, soonest due first (any member)",
  request: { params: WorkspaceParams, query: ActionListQuery },
  responses: { 200: json(ActionListResponse, 'Action items'), ...errors(400, 401, 403) },
})
const patchAction = createRoute({
  method: 'patch', path: '/{actionId}', tags, summary: 'Edit an action item: title, owner, due date or status (owners, editors)',
  request: { params: ActionParams, body: jsonBody(PatchActionBody) },
  responses: { 200: json(ActionResponse, 'The action item'), ...errors(400, 401, 403, 404) },
})

export function meetingActionRoutes(deps: AppDeps) {
  async function requireMeeting(meetingId: string, userId: string, allowed: typeof canReadWorkspace, action?: string) {
    const [meeting] = await deps.db.select().from(meetings).where(eq(meetings.id, meetingId))
    if (!meeting) throw notFound('meeting not found')
    await requireWorkspaceRole(deps.db, meeting.workspaceId, userId, allowed, action)
    return meeting
  }

  return apiRouter().openapi(createAction, async (c) => {
    const { user } = requireSession(c)
    const meeting = await requireMeeting(c.req.valid('param').meetingId, user.id, canEditDocuments, 'create action items')
    const body = c.req.valid('json')
    await requireMemberOwner(deps, meeting.workspaceId, body.ownerId)
    const t = deps.now()
    const row: ActionRow = {
      id: newId(), workspaceId: meeting.workspaceId, meetingId: meeting.id, title: body.title, ownerId: body.ownerId,
      dueDate: body.dueDate, status: 'open', createdBy: user.id, createdAt: t, updatedAt: t,
    }
    await deps.db.insert(actionItems).values(row)
    return c.json({ action: (await actionById(deps, row.id))! }, 201)
  }).openapi(listMeetingActions, async (c) => {
    const { user } = requireSession(c)
    const meeting = await requireMeeting(c.req.valid('param').meetingId, user.id, canReadWorkspace)
    return c.json(await meetingActions(deps, meeting), 200)
  })
}

export function workspaceActionRoutes(deps: AppDeps) {
  return apiRouter().openapi(listWorkspaceActions, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId } = c.req.valid('param')
    await requireWorkspaceRole(deps.db, workspaceId, user.id, canReadWorkspace)
    return c.json({ actions: await workspaceActions(deps, workspaceId, c.req.valid('query').status) }, 200)
  })
}

export function actionRoutes(deps: AppDeps) {
  return apiRouter().openapi(patchAction, async (c) => {
    const { user } = requireSession(c)
    const { actionId } = c.req.valid('param')
    const [row] = await deps.db.select().from(actionItems).where(eq(actionItems.id, actionId))
    if (!row) throw notFound('action item not found')
    await requireWorkspaceRole(deps.db, row.workspaceId, user.id, canEditDocuments, 'edit action items')
    const body = c.req.valid('json')
    if (body.ownerId !== undefined) await requireMemberOwner(deps, row.workspaceId, body.ownerId)
    await deps.db.update(actionItems).set({ ...body, updatedAt: deps.now() }).where(eq(actionItems.id, actionId))
    return c.json({ action: (await actionById(deps, actionId))! }, 200)
  })
}
