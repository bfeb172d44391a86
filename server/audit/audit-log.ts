// The audit log: one row per audited act; nothing updates or deletes a row. Read newest first, a
// page at a time (`before` an id). An act that is a database write carries its audit row in the
// same batch (auditInsert), so a crash leaves both or neither; a read (a version viewed, a board
// pack downloaded) is recorded by `auditRead` once it has been read.
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { AuditEntryDto } from '../../shared/api'
import type { AuditAction } from '../../shared/audit-actions'
import type { AppDeps } from '../app-deps'
import type { Db } from '../db/client'
import { auditLog, memberships, users, versions } from '../db/schema'

export interface AuditEntry {
  workspaceId: string
  actorId: string | null
  action: AuditAction
  target?: { type: string; id: string }
  detail?: string
}

/** Records a read (nothing was written that the row could share a batch with). */
export async function auditRead(deps: AppDeps, e: AuditEntry): Promise<void> {
  await auditInsert(deps.db, e, deps.now())
}

/**
 * The audit row as one statement, for the batch that does the act. `onlyIf` is checked inside that
 * batch's transaction, so of two acts at once only the one that changes something is recorded (put
 * the row before the write it guards: "not yet started", then the start). `detail` as SQL names
 * what the batch itself created (see newestVersionDetail).
 */
export function auditInsert(db: Db, e: AuditEntry, at: number, opts: { onlyIf?: SQL; detail?: SQL } = {}): BatchItem<'sqlite'> & PromiseLike<unknown> {
  return db.run(sql`INSERT INTO ${auditLog} (workspace_id, at, actor_id, action, target_type, target_id, detail)
    SELECT ${e.workspaceId}, ${at}, ${e.actorId}, ${e.action}, ${e.target?.type ?? null}, ${e.target?.id ?? null}, ${opts.detail ?? e.detail ?? null}
    WHERE ${opts.onlyIf ?? sql`1`}`)
}

/** "<detail> vN", N being the document's newest version: the one inserted earlier in the same batch. */
export const newestVersionDetail = (detail: string, documentId: string): SQL =>
  sql`${detail} || ' v' || (SELECT max(version) FROM ${versions} WHERE document_id = ${documentId})`

/** A sign-in belongs to no one workspace: one row in each workspace the person is a member of (none if none). */
export function signInAuditInsert(db: Db, userId: string, at: number): BatchItem<'sqlite'> {
  return db.run(sql`INSERT INTO ${auditLog} (workspace_id, at, actor_id, action)
    SELECT workspace_id, ${at}, ${userId}, ${'signed-in' satisfies AuditAction} FROM ${memberships} WHERE user_id = ${userId}`)
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
