import { useCallback, useEffect, useState, type FormEvent } from 'react'
import type { InvitationDto } from '../../../shared/api'
import { dateLabel } from '../../../shared/format/dates'
import { ROLES, type Role } from '../../../shared/roles'
import { api, errorMessage } from '../api'
import { FormError } from './FormError'
import { RoleChip, roleLabel } from './RoleChip'

/**
 * Owners invite by e-mail and see who has not accepted yet. The link exists only in the answer to
 * its creation (the server keeps its hash), so it is shown once here to copy; for a lost one,
 * "Copy new link" asks for a fresh link (the old stops working), shows it and copies it.
 */
export function InvitationsPanel({ workspaceId }: { workspaceId: string }) {
  const [invitations, setInvitations] = useState<InvitationDto[]>([])
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('editor')
  const [link, setLink] = useState<{ email: string; url: string } | null>(null)
  const [copied, setCopied] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    try {
      setInvitations((await api.listInvitations(workspaceId)).invitations)
    } catch (err) {
      setError(errorMessage(err))
    }
  }, [workspaceId])

  useEffect(() => {
    void load()
  }, [load])

  async function handleInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!email.trim()) {
      setError('Enter the email of the person to invite.')
      return
    }
    setBusy(true)
    setError(null)
    setCopied(false)
    try {
      const { invitation } = await api.createInvitation(workspaceId, { email: email.trim(), role })
      setLink({ email: invitation.email, url: invitation.url })
      setEmail('')
      await load()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  async function handleRevoke(invitation: InvitationDto) {
    setBusy(true)
    setError(null)
    try {
      await api.revokeInvitation(workspaceId, invitation.id)
      if (link?.email === invitation.email) setLink(null)
      await load()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url)
      setCopied(true)
    } catch {
      setError('Copying is blocked here: select the link and copy it.')
    }
  }

  async function handleNewLink(invitation: InvitationDto) {
    setBusy(true)
    setError(null)
    setCopied(false)
    try {
      const { invitation: renewed } = await api.renewInvitationLink(workspaceId, invitation.id)
      setLink({ email: renewed.email, url: renewed.url })
      await copy(renewed.url)
      await load()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="invitations">
      <form className="form add-member" onSubmit={handleInvite} noValidate aria-label="Invite a member">
        <h3 className="group-title">Invite a member</h3>
        <input name="inviteEmail" type="email" aria-label="Email" placeholder="name@company.com" value={email} onChange={(e) => setEmail(e.target.value)} />
        <div className="inline-form">
          <select name="inviteRole" aria-label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>{roleLabel(r)}</option>
            ))}
          </select>
          <button type="submit" className="button primary" disabled={busy}>Invite</button>
        </div>
      </form>
      {link && (
        <div className="invite-link" data-testid="invite-link">
          <label className="field">
            <span className="field-label">Link for {link.email} (works once, for 7 days)</span>
            <input readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button type="button" className="button small" onClick={() => void copy(link.url)}>{copied ? 'Copied' : 'Copy link'}</button>
        </div>
      )}
      <FormError message={error} />
      {invitations.length > 0 && (
        <>
          <h3 className="group-title">Pending invitations</h3>
          <ul className="member-list pending-list">
            {invitations.map((inv) => (
              <li key={inv.id} className="member-row" data-testid="invitation-row">
                <div className="member-identity">
                  <span className="member-name">{inv.email}</span>
                  <span className="member-email">Expires {dateLabel(inv.expiresAt)}</span>
                </div>
                <div className="member-actions">
                  <RoleChip role={inv.role} />
                  <button type="button" className="button subtle small" disabled={busy} aria-label={`Copy new link for ${inv.email}`} onClick={() => void handleNewLink(inv)}>
                    Copy new link
                  </button>
                  <button type="button" className="button subtle small danger" disabled={busy} aria-label={`Revoke the invitation of ${inv.email}`} onClick={() => void handleRevoke(inv)}>
                    Revoke
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
