import { useState } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import { api, errorMessage } from '../api'
import { AuthLayout } from '../components/AuthLayout'
import { FormError } from '../components/FormError'
import { PageLoading } from '../components/PageLoading'
import { useSession } from '../session/session'

/** Opened from an invitation link (?token=…): sign up or in with the invited address, then accept. */
export function InvitePage() {
  const { status, user, refresh } = useSession()
  const location = useLocation()
  const navigate = useNavigate()
  const token = new URLSearchParams(location.search).get('token') ?? ''
  const next = encodeURIComponent(location.pathname + location.search)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function handleAccept() {
    setBusy(true)
    setError(null)
    try {
      const { workspaceId } = await api.acceptInvitation(token)
      await refresh()
      navigate(`/w/${workspaceId}`, { replace: true })
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  if (status === 'loading') return <PageLoading label="Opening invitation…" />
  return (
    <AuthLayout
      title="You are invited to Quorum"
      subtitle="A workspace owner invited you to their leadership workspace."
      footer={user ? <>Not you? <Link to={`/login?next=${next}`}>Sign in with another account</Link></> : <>Questions? Ask the person who invited you.</>}
    >
      {!token ? (
        <FormError message="This page needs the link from the invitation; ask the owner for a new one." />
      ) : user ? (
        <div className="form">
          <p className="signed-in-note">Signed in as {user.name} ({user.email}). The invitation must be for this address.</p>
          <FormError message={error} />
          <button type="button" className="button primary wide" disabled={busy} onClick={() => void handleAccept()}>
            {busy ? 'Joining…' : 'Accept invitation'}
          </button>
        </div>
      ) : (
        <div className="form">
          <p className="muted">Create an account with the address the invitation was sent to, or sign in if it already has one. You will come back here to accept.</p>
          <Link className="button primary wide" to={`/signup?next=${next}`}>Create an account</Link>
          <Link className="button wide" to={`/login?next=${next}`}>Sign in</Link>
        </div>
      )}
    </AuthLayout>
  )
}
