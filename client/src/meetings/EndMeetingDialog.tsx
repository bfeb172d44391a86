// "End the meeting?": ending saves a version of every agenda document and of the notes.
import { useEffect, useRef, useState } from 'react'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'
import type { EndMeetingDto, MeetingDto } from './meeting-types'

export function EndMeetingDialog({ meeting, onClose, onEnded }: { meeting: MeetingDto; onClose: () => void; onEnded: (result: EndMeetingDto) => void }) {
  const ref = useRef<HTMLDialogElement>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  async function end() {
    setBusy(true)
    setError(null)
    try {
      onEnded(await api.endMeeting(meeting.id))
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  const count = meeting.agenda.length + (meeting.notes ? 1 : 0)
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="end-title" data-testid="end-dialog" onCancel={onClose}>
      <h2 id="end-title" className="dialog-title">
        End “{meeting.title}”?
      </h2>
      <p className="muted">
        A version of {count === 1 ? 'the one document' : `each of the ${count} documents`} (agenda and notes) is saved as the meeting’s record.
        The meeting cannot be restarted.
      </p>
      <FormError message={error} />
      <div className="dialog-actions">
        <button type="button" className="button subtle" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button primary" data-testid="meeting-end-confirm" onClick={() => void end()} disabled={busy}>
          {busy ? 'Ending…' : 'End and save versions'}
        </button>
      </div>
    </dialog>
  )
}
