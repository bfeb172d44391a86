// After the meeting: its minutes are the notes version saved at the end. Shows who approved them
// and when, with a link to that version; an owner approves them here.
import { useState } from 'react'
import { Link } from 'react-router'
import type { MeetingDto } from '../../../shared/api'
import { dateLabel } from '../../../shared/format/dates'
import { canApproveMinutes, type Role } from '../../../shared/roles'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'

export function MinutesApproval({ meeting, role, onMeetingChange }: { meeting: MeetingDto; role: Role; onMeetingChange: (m: MeetingDto) => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const { minutes } = meeting

  async function approve() {
    setBusy(true)
    setError(null)
    try {
      onMeetingChange(await api.approveMinutes(meeting.id))
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="minutes-approval" data-testid="minutes">
      {minutes ? (
        <p className="minutes-approved" data-testid="minutes-approved">
          Minutes approved by {minutes.approvedBy?.name ?? 'a former member'} on {dateLabel(minutes.approvedAt)} ·{' '}
          <Link to={`/d/${minutes.documentId}/history?version=${minutes.version}`} data-testid="minutes-link">
            <span className="version-chip">v{minutes.version}</span> approved minutes
          </Link>
        </p>
      ) : (
        <p className="muted small-text">
          Minutes not yet approved{canApproveMinutes(role) ? '' : ' (an owner approves them)'}.{' '}
          {canApproveMinutes(role) && (
            <button type="button" className="button small primary" data-testid="approve-minutes" disabled={busy} onClick={() => void approve()}>
              Approve minutes
            </button>
          )}
        </p>
      )}
      <FormError message={error} />
    </div>
  )
}
