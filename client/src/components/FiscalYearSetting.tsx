// Workspace setting (owners): the month the fiscal year starts. Quarter labels and quarterly totals
// across the workspace count from it; everyone else sees it as a fact.
import { useState } from 'react'
import type { WorkspaceDto } from '../../../shared/api'
import { fiscalYearNote, monthName } from '../../../shared/format/quarters'
import { api, errorMessage } from '../api'
import { FormError } from './FormError'

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)

export function FiscalYearSetting({ workspace, canManage, onSaved }: { workspace: WorkspaceDto; canManage: boolean; onSaved: (workspace: WorkspaceDto) => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const month = workspace.fiscalYearStartMonth ?? 1

  async function save(next: number) {
    setBusy(true)
    setError(null)
    try {
      onSaved((await api.updateWorkspace(workspace.id, { fiscalYearStartMonth: next })).workspace)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="section workspace-settings" aria-labelledby="fy-title">
      <h2 className="section-title" id="fy-title">Fiscal year</h2>
      {canManage ? (
        <label className="inline-field">
          <span>Starts in</span>
          <select name="fiscalYearStartMonth" value={month} disabled={busy} onChange={(e) => void save(Number(e.target.value))} data-testid="fy-start-select">
            {MONTHS.map((m) => <option key={m} value={m}>{monthName(m)}</option>)}
          </select>
        </label>
      ) : null}
      <p className="muted small-text" data-testid="fy-note">{fiscalYearNote(month)}. Quarter labels and quarterly totals follow it.</p>
      <FormError message={error} />
    </section>
  )
}
