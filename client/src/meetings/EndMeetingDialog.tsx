// "End the meeting?": ending saves a version of every agenda document and of the notes.
import { api } from '../api'
import { ConfirmDialog } from '../components/ConfirmDialog'
import type { EndMeetingDto, MeetingDto } from '../../../shared/api'

export function EndMeetingDialog({ meeting, onClose, onEnded }: { meeting: MeetingDto; onClose: () => void; onEnded: (result: EndMeetingDto) => void }) {
  const count = meeting.agenda.length + (meeting.notes ? 1 : 0)
  return (
    <ConfirmDialog
      title={`End “${meeting.title}”?`} confirmLabel="End and save versions" busyLabel="Ending…" testId="end-dialog" confirmTestId="meeting-end-confirm"
      onClose={onClose}
      onConfirm={async () => onEnded(await api.endMeeting(meeting.id))}
    >
      A version of {count === 1 ? 'the one document' : `each of the ${count} documents`} (agenda and notes) is saved as the meeting’s record.
      The meeting cannot be restarted.
    </ConfirmDialog>
  )
}
