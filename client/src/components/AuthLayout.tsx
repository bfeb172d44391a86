import type { ReactNode } from 'react'

/** The centred card used by the sign-in and sign-up pages. */
export function AuthLayout({ title, subtitle, children, footer }: { title: string; subtitle: string; children: ReactNode; footer: ReactNode }) {
  return (
    <main className="centered-page auth-page">
      <div className="auth-brand">
        <span className="brand-mark" aria-hidden="true">Q</span>
        <span className="brand-name">Quorum</span>
      </div>
      <div className="card narrow">
        <h1 className="card-title">{title}</h1>
        <p className="muted card-subtitle">{subtitle}</p>
        {children}
      </div>
      <p className="auth-footer muted">{footer}</p>
    </main>
  )
}
