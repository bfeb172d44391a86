import { useEffect, useState, type FormEvent } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import { api, ApiRequestError, errorMessage } from '../api'
import { AuthLayout } from '../components/AuthLayout'
import { FormError } from '../components/FormError'
import { safeNextPath, useSession } from '../session/session'

export function LoginPage() {
  const { user, refresh } = useSession()
  const location = useLocation()
  const navigate = useNavigate()
  const next = safeNextPath(location.search)
  // After a password reset: a notice, and the address filled in.
  const arrival = location.state as { notice?: string; email?: string } | null
  const [email, setEmail] = useState(arrival?.email ?? '')
  const [password, setPassword] = useState('')
  // Two-factor sign-in: after the right password, the code (or a recovery code) in a second step.
  const [needsCode, setNeedsCode] = useState(false)
  const [useRecovery, setUseRecovery] = useState(false)
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [retryAt, setRetryAt] = useState<number | null>(null)

  // While throttled, count the Retry-After seconds down in the error text.
  useEffect(() => {
    if (retryAt === null) return
    const timer = setInterval(() => {
      const left = Math.ceil((retryAt - Date.now()) / 1000)
      if (left <= 0) {
        setRetryAt(null)
        setError(null)
      } else {
        setError(`Too many attempts, try again in ${left} s`)
      }
    }, 1000)
    return () => clearInterval(timer)
  }, [retryAt])

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!email.trim() || !password) {
      setError('Enter your email and password.')
      return
    }
    if (needsCode && !code.trim()) {
      setError(useRecovery ? 'Enter one of your recovery codes.' : 'Enter the code from your authenticator app.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const second = !needsCode ? {} : useRecovery ? { recoveryCode: code.trim() } : { code: code.replace(/\s/g, '') }
      await api.login({ email: email.trim(), password, ...second })
      await refresh()
      // "/" opens the only workspace of someone who has one (see WorkspacesPage).
      navigate(next, { replace: true, state: next === '/' ? { landing: true } : undefined })
    } catch (err) {
      if (err instanceof ApiRequestError && err.totpRequired && !needsCode) {
        setNeedsCode(true)
        setError(null)
        return
      }
      setError(errorMessage(err))
      if (err instanceof ApiRequestError && err.status === 429 && err.retryAfterSeconds) {
        setRetryAt(Date.now() + err.retryAfterSeconds * 1000)
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <AuthLayout
      title="Sign in"
      subtitle="Welcome back to your leadership workspace."
      footer={
        <>
          New to Quorum? <Link to={`/signup${location.search}`}>Create an account</Link>
        </>
      }
    >
      {user && (
        <p className="signed-in-note">
          Signed in as {user.name}. <Link to={next}>Continue</Link>, or sign in below to switch account.
        </p>
      )}
      {arrival?.notice && <p className="form-success" role="status">{arrival.notice}</p>}
      <form className="form" onSubmit={handleSubmit} noValidate>
        <label className="field">
          <span className="field-label">Email</span>
          <input name="email" type="email" autoComplete="email" autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Password</span>
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <Link to="/forgot-password" className="forgot-link">Forgot password?</Link>
        {needsCode && (
          <label className="field">
            <span className="field-label">{useRecovery ? 'Recovery code' : 'Code from your authenticator app'}</span>
            <input
              name="code" autoFocus autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)}
              {...(useRecovery ? {} : { inputMode: 'numeric' as const, pattern: '[0-9]*' })}
            />
            <button type="button" className="link-button" onClick={() => { setUseRecovery(!useRecovery); setCode('') }}>
              {useRecovery ? 'Use the authenticator app instead' : 'Use a recovery code instead'}
            </button>
          </label>
        )}
        <FormError message={error} />
        <button type="submit" className="button primary wide" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  )
}
