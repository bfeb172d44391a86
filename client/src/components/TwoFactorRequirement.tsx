// Workspace setting (owners): whether members need two-factor sign-in to open its documents.
// Members see it as a fact, with the way to comply.
import { useState } from 'react'
import { Link } from 'react-router'
import type { WorkspaceDto } from '../../../shared/api'
import { api, errorMessage } from '../api'
import { FormError } from './FormError'

export function TwoFactorRequirement({ workspace, canManage, onSaved }: { workspace: WorkspaceDto; canManage: boolean; onSaved: (workspace: WorkspaceDto) => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function save(requireTwoFactor: boolean) {
    setBusy(true)
    setError(null)
    try {
      onSaved((await api.updateWorkspace(workspace.id, { requireTwoFactor })).workspace)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="section workspace-settings" aria-labelledby="two-factor-title">
      <h2 className="section-title" id="two-factor-title">Two-factor sign-in</h2>
      {canManage ? (
        <label className="toggle">
          <input type="checkbox" name="requireTwoFactor" checked={workspace.requireTwoFactor} disabled={busy} onChange={(e) => void save(e.target.checked)} />
          Required to open this workspace's documents
        </label>
      ) : null}
      <p className="muted small-text">
        {workspace.requireTwoFactor ? 'Required: members without it cannot open documents until they ' : 'Not required. Anyone can '}
        <Link to="/account">turn it on for their account</Link>.
      </p>
      <FormError message={error} />
    </section>
  )
}
