// Who may do what: the session's user and their role in a workspace, checked on every route.
import { and, eq } from 'drizzle-orm'
import type { Role } from '../../shared/roles'
import type { ValidSession } from '../auth/sessions'
import type { Db } from '../db/client'
import { documents, memberships, users, workspaces } from '../db/schema'
import { forbidden, notFound, unauthenticated } from './errors'

/** Any route's context: only its session variable is read. */
export function requireSession(c: { get(key: 'session'): ValidSession | null }): ValidSession {
  const session = c.get('session')
  if (!session) throw unauthenticated()
  return session
}

export async function workspaceRole(db: Db, workspaceId: string, userId: string): Promise<Role | null> {
  const [row] = await db.select({ role: memberships.role }).from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))).limit(1)
  return row?.role ?? null
}

/** The caller's role in the workspace; 403 if they are not a member or `allowed` refuses the role. */
export async function requireWorkspaceRole(db: Db, workspaceId: string, userId: string, allowed: (role: Role) => boolean, action = 'do this'): Promise<Role> {
  const role = await workspaceRole(db, workspaceId, userId)
  if (!role) throw forbidden('not a member of this workspace')
  if (!allowed(role)) throw forbidden(`your role (${role}) may not ${action}`)
  return role
}

export type DocumentRow = typeof documents.$inferSelect

export async function hasTwoFactor(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ key: users.totpKey }).from(users).where(eq(users.id, userId))
  return !!row?.key
}

export const TWO_FACTOR_REQUIRED = 'this workspace requires two-factor sign-in: turn it on from your account page to open its documents'

/**
 * The document and the caller's role in its workspace; 404 if it does not exist, 403 if not a
 * member, or if the workspace requires two-factor sign-in and the caller has not turned it on.
 */
export async function requireDocumentRole(db: Db, documentId: string, userId: string, allowed: (role: Role) => boolean, action?: string): Promise<{ document: DocumentRow; role: Role }> {
  const [row] = await db.select({ document: documents, requireTwoFactor: workspaces.requireTwoFactor }).from(documents)
    .innerJoin(workspaces, eq(workspaces.id, documents.workspaceId)).where(eq(documents.id, documentId)).limit(1)
  if (!row) throw notFound('document not found')
  const { document } = row
  const role = await requireWorkspaceRole(db, document.workspaceId, userId, allowed, action)
  if (row.requireTwoFactor && !(await hasTwoFactor(db, userId))) throw forbidden(TWO_FACTOR_REQUIRED)
  return { document, role }
}
