import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { api, errorMessage } from '../api'
import { AuthLayout } from '../components/AuthLayout'
import { FormError } from '../components/FormError'

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('')
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!email.trim()) {
      setError('Enter the email you sign in with.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      await api.requestPasswordReset(email.trim())
      setSentTo(email.trim())
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <AuthLayout
      title="Reset your password"
      subtitle="We will send a link to choose a new one."
      footer={<>Remembered it? <Link to="/login">Sign in</Link></>}
    >
      {sentTo ? (
        <p className="form-success" role="status" data-testid="reset-sent">
          If {sentTo} has a Quorum account, a link is on its way. It works once, within an hour. No e-mail? Ask your
          workspace's administrator: without mail set up, they can read the link from the server's log.
        </p>
      ) : (
        <form className="form" onSubmit={handleSubmit} noValidate>
          <label className="field">
            <span className="field-label">Email</span>
            <input name="email" type="email" autoComplete="email" autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <FormError message={error} />
          <button type="submit" className="button primary wide" disabled={busy}>
            {busy ? 'Sending…' : 'Send reset link'}
          </button>
        </form>
      )}
    </AuthLayout>
  )
}
