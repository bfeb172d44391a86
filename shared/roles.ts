// Workspace roles and what each may do. Used by the server's checks and by the client to hide controls.
export const ROLES = ['owner', 'editor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export function canEditDocuments(role: Role | null | undefined): boolean {
  return role === 'owner' || role === 'editor'
}

export function canManageMembers(role: Role | null | undefined): boolean {
  return role === 'owner'
}

export function canReadWorkspace(role: Role | null | undefined): boolean {
  return role === 'owner' || role === 'editor' || role === 'viewer'
}

/** Resolving or reopening a thread: its author, or anyone who may edit the document. */
export function canResolveComment(role: Role | null | undefined, isAuthor: boolean): boolean {
  return isAuthor || canEditDocuments(role)
}

/** Deleting a thread: its author, or an owner. */
export function canDeleteComment(role: Role | null | undefined, isAuthor: boolean): boolean {
  return isAuthor || role === 'owner'
}

/** Approving a meeting's minutes makes them the record: owners only. */
export function canApproveMinutes(role: Role | null | undefined): boolean {
  return role === 'owner'
}

export function canReadAuditLog(role: Role | null | undefined): boolean {
  return role === 'owner'
}
