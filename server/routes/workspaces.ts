// Workspaces and their members. Owners manage members; every member can see who else is in.
import { and, eq, isNull, sql } from 'drizzle-orm'
import { createRoute } from '@hono/zod-openapi'
import {
  AddMemberBody, MemberListResponse, MemberParams, MemberResponse, MemberRoleBody, WorkspaceListResponse, WorkspaceNameBody,
  WorkspaceParams, WorkspaceResponse, WorkspaceSettingsBody, WorkspaceWithMembersResponse, WorkspaceDto,
} from '../../shared/api'
import { DEFAULT_FY_START_MONTH } from '../../shared/format/quarters'
import { canManageMembers, canReadWorkspace, type Role } from '../../shared/roles'
import type { AppDeps } from '../app-deps'
import { memberships, users, workspaces } from '../db/schema'
import { hasTwoFactor, requireSession, requireWorkspaceRole } from '../http/access'
import { conflict, notFound } from '../http/errors'
import { apiRouter, errors, json, jsonBody } from '../http/openapi'
import { newId } from '../ids'
import { revokeAccess } from '../sync/revocation'
import { auditInsert } from '../audit/audit-log'

const tags = ['Workspaces']
const createWorkspace = createRoute({
  method: 'post', path: '/', tags, summary: 'Create a workspace; its creator is its owner',
  request: { body: jsonBody(WorkspaceNameBody) },
  responses: { 201: json(WorkspaceDto, 'The new workspace'), ...errors(400, 401) },
})
const listWorkspaces = createRoute({
  method: 'get', path: '/', tags, summary: "The caller's workspaces",
  responses: { 200: json(WorkspaceListResponse, 'Workspaces, by name'), ...errors(401) },
})
const getWorkspace = createRoute({
  method: 'get', path: '/{workspaceId}', tags, summary: 'A workspace and its members',
  request: { params: WorkspaceParams },
  responses: { 200: json(WorkspaceWithMembersResponse, 'The workspace and its members'), ...errors(401, 403) },
})
const patchWorkspace = createRoute({
  method: 'patch', path: '/{workspaceId}', tags, summary: 'Workspace settings (owners): the month the fiscal year starts; whether two-factor sign-in is required',
  description: 'With requireTwoFactor on, members without two-factor sign-in get 403 on its documents and their upgrade, and their open sync sockets close (4509). '
    + 'An owner must have it on to require it (409).',
  request: { params: WorkspaceParams, body: jsonBody(WorkspaceSettingsBody) },
  responses: { 200: json(WorkspaceResponse, 'The workspace'), ...errors(400, 401, 403) },
})
const listMembersRoute = createRoute({
  method: 'get', path: '/{workspaceId}/members', tags, summary: 'Members of a workspace',
  request: { params: WorkspaceParams },
  responses: { 200: json(MemberListResponse, 'Members, by name'), ...errors(401, 403) },
})
const addMember = createRoute({
  method: 'post', path: '/{workspaceId}/members', tags, summary: 'Add a person with an account (owners)',
  request: { params: WorkspaceParams, body: jsonBody(AddMemberBody) },
  responses: { 201: json(MemberResponse, 'The new member'), ...errors(400, 401, 403, 404, 409) },
})
const changeRole = createRoute({
  method: 'patch', path: '/{workspaceId}/members/{userId}', tags, summary: "Change a member's role (owners); their sync sockets close with 4509",
  request: { params: MemberParams, body: jsonBody(MemberRoleBody) },
  responses: { 200: json(MemberResponse, 'The member'), ...errors(400, 401, 403, 404, 409) },
})
const removeMember = createRoute({
  method: 'delete', path: '/{workspaceId}/members/{userId}', tags, summary: 'Remove a member (owners); their sync sockets close with 4509',
  request: { params: MemberParams },
  responses: { 204: { description: 'Removed' }, ...errors(401, 403, 404, 409) },
})

const iso = (ms: number) => new Date(ms).toISOString()

export function workspaceRoutes(deps: AppDeps) {
  const { db } = deps
  async function listMembers(workspaceId: string) {
    return db.select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
      .from(memberships).innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.workspaceId, workspaceId)).orderBy(users.name)
  }

  async function ownerCount(workspaceId: string) {
    const owners = await db.select({ userId: memberships.userId }).from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')))
    return owners.length
  }

  /** Their open sync connections in this workspace are closed so they reconnect and are checked again. */
  function revokeLiveAccess(workspaceId: string, userId: string) {
    revokeAccess(deps, { kind: 'member', workspaceId, userId })
  }

  return apiRouter().openapi(createWorkspace, async (c) => {
    const { user } = requireSession(c)
    const { name } = c.req.valid('json')
    const workspace = { id: newId(), name, fiscalYearStartMonth: DEFAULT_FY_START_MONTH, requireTwoFactor: false, createdAt: deps.now() }
    await db.batch([
      db.insert(workspaces).values(workspace),
      db.insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role: 'owner', createdAt: workspace.createdAt }),
    ])
    return c.json({ ...workspace, createdAt: iso(workspace.createdAt), role: 'owner' as Role }, 201)
  }).openapi(listWorkspaces, async (c) => {
    const { user } = requireSession(c)
    const rows = await db.select({ id: workspaces.id, name: workspaces.name, fiscalYearStartMonth: workspaces.fiscalYearStartMonth, requireTwoFactor: workspaces.requireTwoFactor, createdAt: workspaces.createdAt, role: memberships.role })
      .from(memberships).innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
      .where(eq(memberships.userId, user.id)).orderBy(workspaces.name)
    return c.json({ workspaces: rows.map((w) => ({ ...w, createdAt: iso(w.createdAt) })) }, 200)
  }).openapi(getWorkspace, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId } = c.req.valid('param')
    const role = await requireWorkspaceRole(db, workspaceId, user.id, canReadWorkspace)
    const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId))
    return c.json({ workspace: { ...workspace, createdAt: iso(workspace.createdAt), role }, members: await listMembers(workspaceId) }, 200)
  }).openapi(patchWorkspace, async (c) => {
    // The month the fiscal year starts, which every quarter label follows; two-factor sign-in required or not.
    const { user } = requireSession(c)
    const { workspaceId } = c.req.valid('param')
    const role = await requireWorkspaceRole(db, workspaceId, user.id, canManageMembers, 'change workspace settings')
    const { fiscalYearStartMonth, requireTwoFactor } = c.req.valid('json')
    if (requireTwoFactor && !(await hasTwoFactor(db, user.id))) {
      throw conflict('turn on two-factor sign-in for your own account (account page) before requiring it')
    }
    await db.update(workspaces).set({ fiscalYearStartMonth, requireTwoFactor }).where(eq(workspaces.id, workspaceId))
    if (requireTwoFactor) {
      // Members without it are disconnected; reconnecting, the upgrade refuses them with 403.
      const without = await db.select({ userId: memberships.userId }).from(memberships).innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.workspaceId, workspaceId), isNull(users.totpKey)))
      for (const m of without) revokeLiveAccess(workspaceId, m.userId)
    }
    const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId))
    return c.json({ workspace: { ...workspace, createdAt: iso(workspace.createdAt), role } }, 200)
  }).openapi(listMembersRoute, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId } = c.req.valid('param')
    await requireWorkspaceRole(db, workspaceId, user.id, canReadWorkspace)
    return c.json({ members: await listMembers(workspaceId) }, 200)
  }).openapi(addMember, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId } = c.req.valid('param')
    await requireWorkspaceRole(db, workspaceId, user.id, canManageMembers, 'manage members')
    const body = c.req.valid('json')
    const [invitee] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.email, body.email))
    if (!invitee) throw notFound('no account has this email; ask them to sign up first')
    const existing = await db.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, invitee.id)))
    if (existing.length > 0) throw conflict('already a member of this workspace')
    const t = deps.now()
    await db.batch([
      db.insert(memberships).values({ workspaceId, userId: invitee.id, role: body.role, createdAt: t }),
      auditInsert(db, { workspaceId, actorId: user.id, action: 'member-added', target: { type: 'user', id: invitee.id }, detail: `${invitee.name} as ${body.role}` }, t),
    ])
    return c.json({ member: { userId: invitee.id, name: invitee.name, email: invitee.email, role: body.role } }, 201)
  }).openapi(changeRole, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId, userId } = c.req.valid('param')
    await requireWorkspaceRole(db, workspaceId, user.id, canManageMembers, 'manage members')
    const { role } = c.req.valid('json')
    const [member] = await db.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    if (!member) throw notFound('not a member of this workspace')
    if (member.role === 'owner' && role !== 'owner' && (await ownerCount(workspaceId)) <= 1) throw conflict('a workspace needs at least one owner')
    const [person] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId))
    const theMember = sql`${memberships.workspaceId} = ${workspaceId} AND ${memberships.userId} = ${userId}`
    // Recorded only if the role differs as the batch runs (of two identical changes at once, one),
    // from the role it had then.
    const roleThen = sql`(SELECT ${memberships.role} FROM ${memberships} WHERE ${theMember})`
    await db.batch([
      auditInsert(db, { workspaceId, actorId: user.id, action: 'member-role-changed', target: { type: 'user', id: userId } }, deps.now(), {
        onlyIf: sql`${roleThen} <> ${role}`, detail: sql`${`${person.name}: `} || ${roleThen} || ${` → ${role}`}`,
      }),
      db.update(memberships).set({ role }).where(theMember),
    ])
    if (role !== member.role) revokeLiveAccess(workspaceId, userId)
    return c.json({ member: { userId, name: person.name, email: person.email, role } }, 200)
  }).openapi(removeMember, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId, userId } = c.req.valid('param')
    await requireWorkspaceRole(db, workspaceId, user.id, canManageMembers, 'manage members')
    const [member] = await db.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    if (!member) throw notFound('not a member of this workspace')
    if (member.role === 'owner' && (await ownerCount(workspaceId)) <= 1) throw conflict('a workspace needs at least one owner')
    const [person] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId))
    const theMember = sql`${memberships.workspaceId} = ${workspaceId} AND ${memberships.userId} = ${userId}`
    // Recorded only if still a member as the batch runs (of two removals at once, one).
    await db.batch([
      auditInsert(db, { workspaceId, actorId: user.id, action: 'member-removed', target: { type: 'user', id: userId }, detail: person?.name }, deps.now(),
        { onlyIf: sql`EXISTS (SELECT 1 FROM ${memberships} WHERE ${theMember})` }),
      db.delete(memberships).where(theMember),
    ])
    revokeLiveAccess(workspaceId, userId)
    return c.body(null, 204)
  })
}
