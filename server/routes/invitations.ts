// Invitations: an owner invites an e-mail address with a role; the single-use link (7 days, only
// its token's hash stored, revocable) is copied from the members panel and, with SMTP_URL, e-mailed.
// A lost link is replaced by a fresh one (the old stops working). Whoever opens it signs up or in
// with that address and accepts: the membership is added.
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import {
  AcceptInvitationBody, AcceptInvitationResponse, CreatedInvitationResponse, InvitationBody, InvitationListResponse, InvitationParams, WorkspaceParams,
} from '../../shared/api'
import { canManageMembers, type Role } from '../../shared/roles'
import type { AppDeps } from '../app-deps'
import { hashLinkToken, newLinkToken } from '../auth/link-tokens'
import { invitations, memberships, users, workspaces } from '../db/schema'
import { requireSession, requireWorkspaceRole, workspaceRole } from '../http/access'
import { appOrigin } from '../http/app-origin'
import { HttpError, conflict, forbidden, notFound } from '../http/errors'
import { apiRouter, errors, json, jsonBody } from '../http/openapi'
import { newId } from '../ids'
import { auditInsert } from '../audit/audit-log'

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000

const tags = ['Workspaces']
const createInvitation = createRoute({
  method: 'post', path: '/{workspaceId}/invitations', tags, summary: 'Invite an e-mail address with a role (owners); the answer carries the link',
  description: 'The link works once, for 7 days, for an account with that address. With SMTP_URL set it is also e-mailed.',
  request: { params: WorkspaceParams, body: jsonBody(InvitationBody) },
  responses: { 201: json(CreatedInvitationResponse, 'The invitation and its link'), ...errors(400, 401, 403, 409) },
})
const listInvitations = createRoute({
  method: 'get', path: '/{workspaceId}/invitations', tags, summary: 'Pending invitations (owners); no links',
  request: { params: WorkspaceParams },
  responses: { 200: json(InvitationListResponse, 'Not yet accepted, revoked or expired; newest first'), ...errors(401, 403) },
})
const revokeInvitation = createRoute({
  method: 'delete', path: '/{workspaceId}/invitations/{invitationId}', tags, summary: 'Revoke a pending invitation (owners); its link stops working',
  request: { params: InvitationParams },
  responses: { 204: { description: 'Revoked' }, ...errors(401, 403, 404) },
})
const renewInvitationLink = createRoute({
  method: 'post', path: '/{workspaceId}/invitations/{invitationId}/link', tags,
  summary: 'A fresh link for a pending invitation (owners): the old link stops working, and it runs 7 days from now',
  description: 'With SMTP_URL set the new link is also e-mailed. A used, revoked or expired invitation answers 410.',
  request: { params: InvitationParams },
  responses: { 200: json(CreatedInvitationResponse, 'The invitation and its new link'), ...errors(401, 403, 404, 410) },
})
const acceptInvitation = createRoute({
  method: 'post', path: '/accept', tags, summary: 'Accept an invitation as the signed-in person (whose e-mail must be the invited one)',
  request: { body: jsonBody(AcceptInvitationBody) },
  responses: { 200: json(AcceptInvitationResponse, 'Now a member, with the invited role'), ...errors(400, 401, 403, 404, 409, 410) },
})

const iso = (ms: number) => new Date(ms).toISOString()
const pending = (now: number) => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now))

/** Under /api/workspaces. */
export function workspaceInvitationRoutes(deps: AppDeps) {
  const { db } = deps
  const inviteUrl = (c: Context, token: string) => `${appOrigin(c.req.url, c.req.header('x-forwarded-proto'), deps.config.publicOrigins)}/invite?token=${token}`

  async function mailInvitation(email: string, inviter: string, workspaceId: string, role: Role, url: string) {
    if (!deps.mailer) return
    const [workspace] = await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId))
    deps.mailer.send({
      to: email,
      subject: `${inviter} invited you to ${workspace.name} on Quorum`,
      text: `Hello,\n\n${inviter} invited you to the workspace "${workspace.name}" on Quorum as ${role}. Open this link within 7 days to join; you will sign up, or sign in if ${email} already has an account:\n\n${url}\n\nThe link works once. If you did not expect it, ignore this e-mail.\n`,
    })
  }

  return apiRouter().openapi(createInvitation, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId } = c.req.valid('param')
    await requireWorkspaceRole(db, workspaceId, user.id, canManageMembers, 'invite members')
    const { email, role } = c.req.valid('json')
    const [member] = await db.select({ id: users.id }).from(memberships).innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, workspaceId), eq(users.email, email)))
    if (member) throw conflict('this person is already a member of this workspace')
    const { token, hash } = newLinkToken()
    const t = deps.now()
    const row = { id: newId(), workspaceId, email, role, tokenHash: hash, invitedBy: user.id, createdAt: t, expiresAt: t + INVITATION_TTL_MS }
    // A new link for the same address replaces any earlier one that is still pending.
    await db.batch([
      db.update(invitations).set({ revokedAt: t }).where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.email, email), pending(t))),
      db.insert(invitations).values(row),
      auditInsert(db, { workspaceId, actorId: user.id, action: 'invitation-created', target: { type: 'invitation', id: row.id }, detail: `${email} as ${role}` }, t),
    ])
    const url = inviteUrl(c, token)
    await mailInvitation(email, user.name, workspaceId, role, url)
    return c.json({ invitation: { id: row.id, email, role, createdAt: iso(t), expiresAt: iso(row.expiresAt), url } }, 201)
  }).openapi(listInvitations, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId } = c.req.valid('param')
    await requireWorkspaceRole(db, workspaceId, user.id, canManageMembers, 'see invitations')
    const rows = await db.select({ id: invitations.id, email: invitations.email, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
      .from(invitations).where(and(eq(invitations.workspaceId, workspaceId), pending(deps.now())))
      .orderBy(invitations.createdAt)
    return c.json({ invitations: rows.reverse().map((r) => ({ ...r, createdAt: iso(r.createdAt), expiresAt: iso(r.expiresAt) })) }, 200)
  }).openapi(revokeInvitation, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId, invitationId } = c.req.valid('param')
    await requireWorkspaceRole(db, workspaceId, user.id, canManageMembers, 'revoke invitations')
    const t = deps.now()
    const revocable = and(eq(invitations.id, invitationId), eq(invitations.workspaceId, workspaceId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt))
    // The audit row first, in the same batch, only while the invitation is still revocable.
    const [, revoked] = await db.batch([
      auditInsert(db, { workspaceId, actorId: user.id, action: 'invitation-revoked', target: { type: 'invitation', id: invitationId } }, t, {
        onlyIf: sql`EXISTS (SELECT 1 FROM ${invitations} WHERE ${revocable})`, detail: sql`(SELECT ${invitations.email} FROM ${invitations} WHERE ${invitations.id} = ${invitationId})`,
      }),
      db.update(invitations).set({ revokedAt: t }).where(revocable).returning({ id: invitations.id }),
    ])
    if (revoked.length === 0) throw notFound('no pending invitation with this id in this workspace')
    return c.body(null, 204)
  }).openapi(renewInvitationLink, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId, invitationId } = c.req.valid('param')
    await requireWorkspaceRole(db, workspaceId, user.id, canManageMembers, 'renew invitation links')
    const { token, hash } = newLinkToken()
    const t = deps.now()
    // One conditional update: an invitation accepted or revoked meanwhile keeps its state.
    const [row] = await db.update(invitations).set({ tokenHash: hash, expiresAt: t + INVITATION_TTL_MS })
      .where(and(eq(invitations.id, invitationId), eq(invitations.workspaceId, workspaceId), pending(t)))
      .returning({ id: invitations.id, email: invitations.email, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
    if (!row) {
      const [found] = await db.select().from(invitations).where(and(eq(invitations.id, invitationId), eq(invitations.workspaceId, workspaceId)))
      if (!found) throw notFound('no invitation with this id in this workspace')
      if (found.acceptedAt !== null) throw new HttpError(410, 'this invitation has already been used')
      if (found.revokedAt !== null) throw new HttpError(410, 'this invitation was revoked; invite the address again')
      throw new HttpError(410, 'this invitation has expired; invite the address again')
    }
    const url = inviteUrl(c, token)
    await mailInvitation(row.email, user.name, workspaceId, row.role, url)
    return c.json({ invitation: { ...row, createdAt: iso(row.createdAt), expiresAt: iso(row.expiresAt), url } }, 200)
  })
}

/** Under /api/invitations. */
export function invitationRoutes(deps: AppDeps) {
  const { db } = deps
  return apiRouter().openapi(acceptInvitation, async (c) => {
    const { user } = requireSession(c)
    const hash = hashLinkToken(c.req.valid('json').token)
    const [invitation] = await db.select().from(invitations).where(eq(invitations.tokenHash, hash))
    const t = deps.now()
    if (!invitation) throw notFound('this invitation link is not valid; ask the owner for a new one')
    if (invitation.acceptedAt !== null) throw new HttpError(410, 'this invitation has already been used')
    if (invitation.revokedAt !== null) throw new HttpError(410, 'this invitation was revoked by an owner of the workspace')
    if (invitation.expiresAt <= t) throw new HttpError(410, 'this invitation has expired; ask the owner for a new one')
    if (invitation.email !== user.email.toLowerCase()) {
      throw forbidden(`this invitation is for ${invitation.email}; sign in with that address to accept it`)
    }
    if (await workspaceRole(db, invitation.workspaceId, user.id)) throw conflict('you are already a member of this workspace')
    // Used once: of two requests with one link, only one updates the row.
    // Matching the token too: a link replaced meanwhile (POST …/link) no longer accepts.
    const [accepted] = await db.update(invitations).set({ acceptedAt: t, acceptedBy: user.id })
      .where(and(eq(invitations.id, invitation.id), eq(invitations.tokenHash, hash), pending(t))).returning({ id: invitations.id })
    if (!accepted) throw new HttpError(410, 'this invitation has already been used')
    await db.batch([
      db.insert(memberships).values({ workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role, createdAt: t }).onConflictDoNothing(),
      auditInsert(db, { workspaceId: invitation.workspaceId, actorId: user.id, action: 'invitation-accepted', target: { type: 'invitation', id: invitation.id }, detail: `${invitation.email} as ${invitation.role}` }, t),
    ])
    return c.json({ workspaceId: invitation.workspaceId, role: invitation.role }, 200)
  })
}
