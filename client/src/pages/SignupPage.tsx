import { useState, type FormEvent } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import { PASSWORD_MIN_LENGTH } from '../../../shared/password-length'
import { api, errorMessage } from '../api'
import { AuthLayout } from '../components/AuthLayout'
import { FormError } from '../components/FormError'
import { safeNextPath, useSession } from '../session/session'

export function SignupPage() {
  const { user, refresh } = useSession()
  const location = useLocation()
  const navigate = useNavigate()
  const next = safeNextPath(location.search)
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  /** The address a link was e-mailed to (servers with SMTP_URL finish sign-up from the inbox). */
  const [mailedTo, setMailedTo] = useState<string | null>(null)

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!name.trim() || !email.trim()) {
      setError('Enter your name and email.')
      return
    }
    if (password.length < PASSWORD_MIN_LENGTH) {
      setError(`Password must be at least ${PASSWORD_MIN_LENGTH} characters.`)
      return
    }
    setBusy(true)
    setError(null)
    try {
      const result = await api.signup({ name: name.trim(), email: email.trim(), password, next: next === '/' ? undefined : next })
      if ('status' in result) {
        setMailedTo(email.trim())
        return
      }
      await refresh()
      navigate(next, { replace: true })
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <AuthLayout
      title="Create your account"
      subtitle="Run leadership and board meetings from one shared workspace."
      footer={
        <>
          Already have an account? <Link to={`/login${location.search}`}>Sign in</Link>
        </>
      }
    >
      {user && (
        <p className="signed-in-note">
          Signed in as {user.name}. <Link to={next}>Continue</Link>, or create another account below.
        </p>
      )}
      {mailedTo ? (
        <div className="form" data-testid="signup-mailed">
          <p>Check your inbox: we sent an e-mail to <strong>{mailedTo}</strong>. Open the link in it within 24 hours to finish creating your account.</p>
          <p className="muted">Nothing there after a few minutes? Look in the spam folder, or <Link to={`/login${location.search}`}>sign in</Link> if the address already has an account.</p>
        </div>
      ) : (
        <form className="form" onSubmit={handleSubmit} noValidate>
          <label className="field">
            <span className="field-label">Name</span>
            <input name="name" type="text" autoComplete="name" autoFocus value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Email</span>
            <input name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Password</span>
            <input name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            <span className="field-hint">At least {PASSWORD_MIN_LENGTH} characters.</span>
          </label>
          <FormError message={error} />
          <button type="submit" className="button primary wide" disabled={busy}>
            {busy ? 'Creating account…' : 'Create account'}
          </button>
        </form>
      )}
    </AuthLayout>
  )
}
