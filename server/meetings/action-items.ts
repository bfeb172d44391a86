// Action items of a workspace: rows joined with their owner's name and meeting's title, and the
// open items a meeting carries from the earlier ended meetings of its workspace and cadence (there
// is no series of meetings yet: a cadence stands for the series).
import { and, asc, eq, inArray, lt, ne, isNotNull, type SQL } from 'drizzle-orm'
import type { ActionDto } from '../../shared/api'
import type { AppDeps } from '../app-deps'
import { actionItems, meetings, memberships, users } from '../db/schema'
import { badRequest } from '../http/errors'
import type { Meeting } from './end-meeting'

export type ActionRow = typeof actionItems.$inferSelect

async function selectActions(deps: AppDeps, where: SQL | undefined): Promise<ActionDto[]> {
  const rows = await deps.db.select({ a: actionItems, ownerName: users.name, meetingTitle: meetings.title }).from(actionItems)
    .innerJoin(users, eq(users.id, actionItems.ownerId)).innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .where(where).orderBy(asc(actionItems.dueDate), asc(users.name), asc(actionItems.createdAt))
  return rows.map(({ a, ownerName, meetingTitle }) => ({
    id: a.id, workspaceId: a.workspaceId, meetingId: a.meetingId, meetingTitle, title: a.title, ownerId: a.ownerId, ownerName,
    dueDate: a.dueDate, status: a.status, createdAt: new Date(a.createdAt).toISOString(), updatedAt: new Date(a.updatedAt).toISOString(),
  }))
}

export async function actionById(deps: AppDeps, id: string): Promise<ActionDto | null> {
  return (await selectActions(deps, eq(actionItems.id, id)))[0] ?? null
}

/** The workspace's items, soonest due first; `open`/`done` or every status. */
export function workspaceActions(deps: AppDeps, workspaceId: string, status: 'open' | 'done' | 'all') {
  return selectActions(deps, and(eq(actionItems.workspaceId, workspaceId), status === 'all' ? undefined : eq(actionItems.status, status)))
}

/** Items created in this meeting (every status), and open items of earlier ended meetings of its cadence. */
export async function meetingActions(deps: AppDeps, meeting: Meeting) {
  const actions = await selectActions(deps, eq(actionItems.meetingId, meeting.id))
  const earlier = deps.db.select({ id: meetings.id }).from(meetings).where(and(
    eq(meetings.workspaceId, meeting.workspaceId), eq(meetings.cadence, meeting.cadence), ne(meetings.id, meeting.id),
    isNotNull(meetings.endedAt), lt(meetings.startsAt, meeting.startsAt),
  ))
  const carried = await selectActions(deps, and(eq(actionItems.status, 'open'), inArray(actionItems.meetingId, earlier)))
  return { actions, carried }
}

/** An owner must be a member of the workspace: 400 otherwise. */
export async function requireMemberOwner(deps: AppDeps, workspaceId: string, ownerId: string) {
  const [row] = await deps.db.select({ userId: memberships.userId }).from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, ownerId))).limit(1)
  if (!row) throw badRequest('ownerId: the owner must be a member of this workspace')
}
