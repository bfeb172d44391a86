import { useState } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import { api, errorMessage } from '../api'
import { AuthLayout } from '../components/AuthLayout'
import { FormError } from '../components/FormError'
import { safeNextPath, useSession } from '../session/session'

/**
 * Opened from the e-mailed sign-up link (?token=…&next=…): one click creates the account and signs
 * in (a click, not on load, so a mail scanner that opens links creates nothing), then goes on to `next`.
 */
export function ConfirmSignupPage() {
  const { refresh } = useSession()
  const location = useLocation()
  const navigate = useNavigate()
  const token = new URLSearchParams(location.search).get('token') ?? ''
  const next = safeNextPath(location.search)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function handleConfirm() {
    setBusy(true)
    setError(null)
    try {
      await api.confirmSignup(token)
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
      title="Finish creating your account"
      subtitle="Run leadership and board meetings from one shared workspace."
      footer={<>Link not working? <Link to="/signup">Sign up again</Link> or <Link to="/login">sign in</Link></>}
    >
      {!token ? (
        <FormError message="This page needs the link from the e-mail; sign up again to get one." />
      ) : (
        <div className="form">
          <FormError message={error} />
          <button type="button" className="button primary wide" disabled={busy} onClick={() => void handleConfirm()}>
            {busy ? 'Creating account…' : 'Create my account'}
          </button>
        </div>
      )}
    </AuthLayout>
  )
}
