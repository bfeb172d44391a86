// The audit log: one row per audited act, inserted after the act succeeded; nothing updates or
// deletes a row. Read newest first, a page at a time (`before` an id).
import { and, desc, eq, lt } from 'drizzle-orm'
import type { AuditAction, AuditEntryDto } from '../../shared/api'
import type { AppDeps } from '../app-deps'
import { auditLog, memberships, users } from '../db/schema'

export interface AuditEntry {
  workspaceId: string
  actorId: string | null
  action: AuditAction
  target?: { type: string; id: string }
  detail?: string
}

const row = (deps: AppDeps, e: AuditEntry) => ({
  workspaceId: e.workspaceId, at: deps.now(), actorId: e.actorId, action: e.action,
  targetType: e.target?.type ?? null, targetId: e.target?.id ?? null, detail: e.detail ?? null,
})

export async function audit(deps: AppDeps, entry: AuditEntry): Promise<void> {
  await deps.db.insert(auditLog).values(row(deps, entry))
}

/** A sign-in belongs to no one workspace: it is recorded in each workspace the person is a member of. */
export async function auditSignIn(deps: AppDeps, userId: string): Promise<void> {
  const workspaces = await deps.db.select({ workspaceId: memberships.workspaceId }).from(memberships).where(eq(memberships.userId, userId))
  if (workspaces.length === 0) return
  await deps.db.insert(auditLog).values(workspaces.map(({ workspaceId }) => row(deps, { workspaceId, actorId: userId, action: 'signed-in' })))
}

export async function auditPage(deps: AppDeps, workspaceId: string, limit: number, before?: number) {
  const rows = await deps.db.select({ e: auditLog, actorName: users.name }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.workspaceId, workspaceId), before !== undefined ? lt(auditLog.id, before) : undefined))
    .orderBy(desc(auditLog.id)).limit(limit + 1)
  const entries: AuditEntryDto[] = rows.slice(0, limit).map(({ e, actorName }) => ({
    id: e.id, at: new Date(e.at).toISOString(), actorId: e.actorId, actorName, action: e.action,
    targetType: e.targetType, targetId: e.targetId, detail: e.detail,
  }))
  return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1].id : null }
}
