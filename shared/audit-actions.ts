// What the audit log records. Zod-free: the API schema, the database column and the audit page's filter share it.
export const AUDIT_ACTIONS = [
  'signed-in', 'member-added', 'member-removed', 'member-role-changed', 'document-created', 'document-archived',
  'version-saved', 'version-restored', 'meeting-started', 'meeting-ended', 'minutes-approved', 'decision-recorded', 'board-pack-downloaded',
  'invitation-created', 'invitation-revoked', 'invitation-accepted', 'version-viewed',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]
