import { useState, type FormEvent } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import { PASSWORD_MIN_LENGTH } from '../../../shared/password-length'
import { api, errorMessage } from '../api'
import { AuthLayout } from '../components/AuthLayout'
import { FormError } from '../components/FormError'
import { useSession } from '../session/session'

/** Opened from a reset link (?token=…): choose a new password, then sign in with it. */
export function ResetPasswordPage() {
  const location = useLocation()
  const navigate = useNavigate()
  const { markSignedOut } = useSession()
  const token = new URLSearchParams(location.search).get('token') ?? ''
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (password.length < PASSWORD_MIN_LENGTH) {
      setError(`Password must be at least ${PASSWORD_MIN_LENGTH} characters.`)
      return
    }
    setBusy(true)
    setError(null)
    try {
      const { email } = await api.confirmPasswordReset({ token, password })
      // Every session ended, this browser's too.
      markSignedOut()
      navigate('/login', { replace: true, state: { notice: 'Password changed. Sign in with your new password.', email } })
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <AuthLayout
      title="Choose a new password"
      subtitle="Every session of your account will be signed out."
      footer={<>Link not working? <Link to="/forgot-password">Ask for a new one</Link></>}
    >
      {!token ? (
        <FormError message="This page needs the link from the e-mail; ask for a new one below." />
      ) : (
        <form className="form" onSubmit={handleSubmit} noValidate>
          <label className="field">
            <span className="field-label">New password</span>
            <input name="password" type="password" autoComplete="new-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
            <span className="field-hint">At least {PASSWORD_MIN_LENGTH} characters; a few unrelated words make a strong one.</span>
          </label>
          <FormError message={error} />
          <button type="submit" className="button primary wide" disabled={busy}>
            {busy ? 'Saving…' : 'Set new password'}
          </button>
        </form>
      )}
    </AuthLayout>
  )
}
