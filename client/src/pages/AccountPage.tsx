import { ChangePasswordForm } from '../account/ChangePasswordForm'
import { SessionList } from '../account/SessionList'
import { TwoFactorSection } from '../account/TwoFactorSection'
import { useSignedInUser } from '../session/session'

/** The signed-in person's own account: password, two-factor sign-in and sessions. */
export default function AccountPage() {
  const user = useSignedInUser()
  return (
    <main className="page narrow-page account-page">
      <div className="page-head">
        <div>
          <h1 className="page-title">Your account</h1>
          <p className="muted">{user.name} · {user.email}</p>
        </div>
      </div>
      <section className="section account-section">
        <h2 className="section-title" id="password-heading">Password</h2>
        <ChangePasswordForm />
      </section>
      <section className="section account-section" aria-labelledby="two-factor-heading">
        <h2 className="section-title" id="two-factor-heading">Two-factor sign-in</h2>
        <TwoFactorSection />
      </section>
      <section className="section account-section">
        <h2 className="section-title" id="sessions-heading">Where you are signed in</h2>
        <SessionList />
      </section>
    </main>
  )
}
