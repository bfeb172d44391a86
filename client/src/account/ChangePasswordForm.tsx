import { useState, type FormEvent } from 'react'
import { PASSWORD_MIN_LENGTH } from '../../../shared/password-length'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'

/** Current and new password; on success every other session of the person has ended. */
export function ChangePasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('')
  const [newPassword, setNewPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setDone(null)
    if (!currentPassword || newPassword.length < PASSWORD_MIN_LENGTH) {
      setError(`Enter your current password and a new one of at least ${PASSWORD_MIN_LENGTH} characters.`)
      return
    }
    setBusy(true)
    setError(null)
    try {
      const { endedSessions } = await api.changePassword({ currentPassword, newPassword })
      setCurrentPassword('')
      setNewPassword('')
      setDone(endedSessions === 0 ? 'Password changed.' : `Password changed. ${endedSessions} other session${endedSessions === 1 ? '' : 's'} signed out.`)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-labelledby="password-heading">
      <label className="field">
        <span className="field-label">Current password</span>
        <input name="currentPassword" type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrentPassword(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">New password</span>
        <input name="newPassword" type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} />
        <span className="field-hint">At least {PASSWORD_MIN_LENGTH} characters; a few unrelated words make a strong one. Your other sessions will be signed out.</span>
      </label>
      <FormError message={error} />
      {done && <p className="form-success" role="status">{done}</p>}
      <div>
        <button type="submit" className="button primary" disabled={busy}>{busy ? 'Changing…' : 'Change password'}</button>
      </div>
    </form>
  )
}
