import { useState } from 'react'
import type { MemberDto } from '../../../shared/api'
import { ROLES, type Role } from '../../../shared/roles'
import { api, errorMessage } from '../api'
import { FormError } from './FormError'
import { InvitationsPanel } from './InvitationsPanel'
import { RoleChip, roleLabel } from './RoleChip'

interface MembersPanelProps {
  workspaceId: string
  members: MemberDto[]
  /** Owners may invite, re-role and remove members. */
  canManage: boolean
  currentUserId: string
  /** Called after a change; `selfAffected` when the signed-in user's own membership changed. */
  onMembersChanged: (selfAffected: boolean) => Promise<void> | void
}

const ROLE_ORDER: Record<Role, number> = { owner: 0, editor: 1, viewer: 2 }

export function MembersPanel({ workspaceId, members, canManage, currentUserId, onMembersChanged }: MembersPanelProps) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const sorted = [...members].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name))

  async function run(action: () => Promise<unknown>, selfAffected: boolean) {
    setBusy(true)
    setError(null)
    try {
      await action()
      await onMembersChanged(selfAffected)
      return true
    } catch (err) {
      setError(errorMessage(err))
      return false
    } finally {
      setBusy(false)
    }
  }

  return (
    <aside className="section members-panel" aria-labelledby="members-heading">
      <h2 className="section-title" id="members-heading">
        Members <span className="count">{members.length}</span>
      </h2>
      <ul className="member-list">
        {sorted.map((m) => {
          const isSelf = m.userId === currentUserId
          return (
            <li key={m.userId} className="member-row" data-testid="member-row" data-user-id={m.userId}>
              <div className="member-identity">
                <span className="member-name">
                  {m.name}
                  {isSelf && <span className="you"> (you)</span>}
                </span>
                <span className="member-email">{m.email}</span>
              </div>
              {canManage ? (
                <div className="member-actions">
                  <select
                    name="role"
                    aria-label={`Role of ${m.name}`}
                    value={m.role}
                    disabled={busy}
                    onChange={(e) => void run(() => api.changeMemberRole(workspaceId, m.userId, e.target.value as Role), isSelf)}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {roleLabel(r)}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="button subtle small danger"
                    disabled={busy}
                    aria-label={`Remove ${m.name}`}
                    onClick={() => void run(() => api.removeMember(workspaceId, m.userId), isSelf)}
                  >
                    Remove
                  </button>
                </div>
              ) : (
                <RoleChip role={m.role} />
              )}
            </li>
          )
        })}
      </ul>
      {canManage && <InvitationsPanel workspaceId={workspaceId} />}
      <FormError message={error} />
    </aside>
  )
}
