// Start / Present / End for owners and editors.
import { useState } from 'react'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'
import { EndMeetingDialog } from './EndMeetingDialog'
import type { EndMeetingDto, MeetingDto } from '../../../shared/api'

interface Props {
  meeting: MeetingDto
  canWrite: boolean
  presenting: boolean
  onTogglePresent: () => void
  onMeetingChange: (meeting: MeetingDto) => void
  onEnded: (result: EndMeetingDto) => void
}

export function MeetingControls({ meeting, canWrite, presenting, onTogglePresent, onMeetingChange, onEnded }: Props) {
  const [confirmingEnd, setConfirmingEnd] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!canWrite || meeting.status === 'ended') return null

  async function start() {
    setBusy(true)
    setError(null)
    try {
      onMeetingChange(await api.startMeeting(meeting.id))
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="meeting-controls">
      {meeting.status === 'scheduled' && (
        <button type="button" className="button primary" data-testid="meeting-start" disabled={busy} onClick={() => void start()}>
          Start meeting
        </button>
      )}
      <button type="button" className={`button ${presenting ? 'presenting' : ''}`} data-testid="present-toggle" aria-pressed={presenting} onClick={onTogglePresent}>
        {presenting ? 'Stop presenting' : 'Present'}
      </button>
      {/* Only a meeting that has started can end: ending saves the versions it worked on. */}
      {meeting.status === 'in-progress' && (
        <button type="button" className="button" data-testid="meeting-end" onClick={() => setConfirmingEnd(true)}>
          End meeting
        </button>
      )}
      {confirmingEnd && (
        <EndMeetingDialog
          meeting={meeting}
          onClose={() => setConfirmingEnd(false)}
          onEnded={(result) => {
            setConfirmingEnd(false)
            onEnded(result)
          }}
        />
      )}
      <FormError message={error} />
    </div>
  )
}
