// Workspaces and their members. Owners manage members; every member can see who else is in.
import { and, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { CloseCode, CloseReason } from '../../shared/close-codes'
import { DEFAULT_FY_START_MONTH } from '../../shared/format/quarters'
import { ROLES, canManageMembers, canReadWorkspace, type Role } from '../../shared/roles'
import type { AppDeps, AppEnv } from '../app-deps'
import { memberships, users, workspaces } from '../db/schema'
import { requireSession, requireWorkspaceRole } from '../http/access'
import { conflict, notFound } from '../http/errors'
import { readJson } from '../http/validate'
import { newId } from '../ids'

const NameBody = z.object({ name: z.string().trim().min(1, 'is required').max(120) })
const AddMemberBody = z.object({ email: z.string().trim().toLowerCase().email('must be an email address'), role: z.enum(ROLES) })
const RoleBody = z.object({ role: z.enum(ROLES) })
const SettingsBody = z.object({ fiscalYearStartMonth: z.number().int().min(1, 'must be a month, 1–12').max(12, 'must be a month, 1–12') })

const iso = (ms: number) => new Date(ms).toISOString()

export function workspaceRoutes(deps: AppDeps) {
  const { db } = deps
  const app = new Hono<AppEnv>()

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
    deps.rooms.closeConnections((room, conn) => room.workspaceId === workspaceId && conn.user.id === userId,
      CloseCode.accessChanged, CloseReason[CloseCode.accessChanged])
  }

  app.post('/', async (c) => {
    const { user } = requireSession(c)
    const { name } = await readJson(c, NameBody)
    const workspace = { id: newId(), name, fiscalYearStartMonth: DEFAULT_FY_START_MONTH, createdAt: deps.now() }
    await db.batch([
      db.insert(workspaces).values(workspace),
      db.insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role: 'owner', createdAt: workspace.createdAt }),
    ])
    return c.json({ ...workspace, createdAt: iso(workspace.createdAt), role: 'owner' as Role }, 201)
  })

  app.get('/', async (c) => {
    const { user } = requireSession(c)
    const rows = await db.select({ id: workspaces.id, name: workspaces.name, fiscalYearStartMonth: workspaces.fiscalYearStartMonth, createdAt: workspaces.createdAt, role: memberships.role })
      .from(memberships).innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
      .where(eq(memberships.userId, user.id)).orderBy(workspaces.name)
    return c.json({ workspaces: rows.map((w) => ({ ...w, createdAt: iso(w.createdAt) })) })
  })

  app.get('/:workspaceId', async (c) => {
    const { user } = requireSession(c)
    const workspaceId = c.req.param('workspaceId')
    const role = await requireWorkspaceRole(db, workspaceId, user.id, canReadWorkspace)
    const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId))
    return c.json({ workspace: { ...workspace, createdAt: iso(workspace.createdAt), role }, members: await listMembers(workspaceId) })
  })

  // Workspace settings (owners): today the month its fiscal year starts, which every quarter label follows.
  app.patch('/:workspaceId', async (c) => {
    const { user } = requireSession(c)
    const workspaceId = c.req.param('workspaceId')
    const role = await requireWorkspaceRole(db, workspaceId, user.id, canManageMembers, 'change workspace settings')
    const { fiscalYearStartMonth } = await readJson(c, SettingsBody)
    await db.update(workspaces).set({ fiscalYearStartMonth }).where(eq(workspaces.id, workspaceId))
    const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId))
    return c.json({ workspace: { ...workspace, createdAt: iso(workspace.createdAt), role } })
  })

  app.get('/:workspaceId/members', async (c) => {
    const { user } = requireSession(c)
    const workspaceId = c.req.param('workspaceId')
    await requireWorkspaceRole(db, workspaceId, user.id, canReadWorkspace)
    return c.json({ members: await listMembers(workspaceId) })
  })

  app.post('/:workspaceId/members', async (c) => {
    const { user } = requireSession(c)
    const workspaceId = c.req.param('workspaceId')
    await requireWorkspaceRole(db, workspaceId, user.id, canManageMembers, 'manage members')
    const body = await readJson(c, AddMemberBody)
    const [invitee] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.email, body.email))
    if (!invitee) throw notFound('no account has this email; ask them to sign up first')
    const existing = await db.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, invitee.id)))
    if (existing.length > 0) throw conflict('already a member of this workspace')
    await db.insert(memberships).values({ workspaceId, userId: invitee.id, role: body.role, createdAt: deps.now() })
    return c.json({ member: { userId: invitee.id, name: invitee.name, email: invitee.email, role: body.role } }, 201)
  })

  app.patch('/:workspaceId/members/:userId', async (c) => {
    const { user } = requireSession(c)
    const { workspaceId, userId } = c.req.param()
    await requireWorkspaceRole(db, workspaceId, user.id, canManageMembers, 'manage members')
    const { role } = await readJson(c, RoleBody)
    const [member] = await db.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    if (!member) throw notFound('not a member of this workspace')
    if (member.role === 'owner' && role !== 'owner' && (await ownerCount(workspaceId)) <= 1) throw conflict('a workspace needs at least one owner')
    await db.update(memberships).set({ role }).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    if (role !== member.role) revokeLiveAccess(workspaceId, userId)
    const [person] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId))
    return c.json({ member: { userId, name: person.name, email: person.email, role } })
  })

  app.delete('/:workspaceId/members/:userId', async (c) => {
    const { user } = requireSession(c)
    const { workspaceId, userId } = c.req.param()
    await requireWorkspaceRole(db, workspaceId, user.id, canManageMembers, 'manage members')
    const [member] = await db.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    if (!member) throw notFound('not a member of this workspace')
    if (member.role === 'owner' && (await ownerCount(workspaceId)) <= 1) throw conflict('a workspace needs at least one owner')
    await db.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    revokeLiveAccess(workspaceId, userId)
    return c.body(null, 204)
  })

  return app
}
