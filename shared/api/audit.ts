// The audit log: an append-only record of who did what in a workspace. Owners read it; no route
// changes or deletes an entry.
import { z } from 'zod'
import { AUDIT_ACTIONS } from '../audit-actions'
import { Timestamp } from './common'

export const AuditEntryDto = z.object({
  id: z.number().int(),
  at: Timestamp,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** What the target was called, or the change made ("editor → viewer"), as it was at the time. */
  detail: z.string().nullable(),
}).meta({ id: 'AuditEntry' })
export type AuditEntryDto = z.infer<typeof AuditEntryDto>

export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1, 'limit must be 1 to 200').max(200, 'limit must be 1 to 200').default(50),
  /** Entries older than this id (the previous page's `nextBefore`). */
  before: z.coerce.number().int().positive('before must be an entry id').optional(),
})
export const AuditResponse = z.object({ entries: z.array(AuditEntryDto), nextBefore: z.number().int().nullable() })
