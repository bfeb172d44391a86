import { Link } from 'react-router'

export function NotFoundPage() {
  return (
    <main className="page narrow-page">
      <h1 className="page-title">Not found</h1>
      <p className="muted">There is nothing at this address.</p>
      <Link to="/" className="button">Back to workspaces</Link>
    </main>
  )
}
