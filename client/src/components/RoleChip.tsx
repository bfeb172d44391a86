import type { Role } from '../../../shared/roles'

const ROLE_LABELS: Record<Role, string> = { owner: 'Owner', editor: 'Editor', viewer: 'Viewer' }

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role
}

export function RoleChip({ role }: { role: Role }) {
  return <span className={`role-chip role-${role}`}>{roleLabel(role)}</span>
}
