// "Schedule meeting": cadence, title (defaulted from cadence + date), date & time, attendees,
// and the agenda (proposal accepted, reordered, edited).
import { useState, type FormEvent } from 'react'
import type { DocumentDto, MemberDto } from '../../../shared/api'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'
import { roleLabel } from '../components/RoleChip'
import type { AgendaEntry } from './agenda-list'
import { AgendaPicker } from './AgendaPicker'
import { CADENCE_LABELS, defaultMeetingTitle, defaultStart, toLocalInputValue } from './cadence'
import { CADENCES, type Cadence } from '../../../shared/cadences'
import { RECURRENCES, type Recurrence } from '../../../shared/recurrence'

const RECURRENCE_LABELS: Record<Recurrence, string> = { weekly: 'Every week', biweekly: 'Every two weeks', monthly: 'Every month', quarterly: 'Every quarter' }
import type { MeetingDto } from '../../../shared/api'
import { useAgendaProposal } from './useAgendaProposal'

interface Props {
  workspaceId: string
  members: MemberDto[]
  documents: DocumentDto[]
  onCreated: (meeting: MeetingDto) => void
  onCancel: () => void
}

export function ScheduleMeetingForm({ workspaceId, members, documents, onCreated, onCancel }: Props) {
  const [cadence, setCadence] = useState<Cadence>('board')
  const [recurrence, setRecurrence] = useState<Recurrence | ''>('')
  const [when, setWhen] = useState(() => toLocalInputValue(defaultStart()))
  const [customTitle, setCustomTitle] = useState<string | null>(null)
  const [attendeeIds, setAttendeeIds] = useState<string[]>(() => members.map((m) => m.userId))
  const [agenda, setAgenda] = useState<AgendaEntry[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const startsAt = new Date(when)
  const proposal = useAgendaProposal(workspaceId, cadence, Number.isNaN(startsAt.getTime()) ? null : startsAt.toISOString())
  const title = customTitle ?? defaultMeetingTitle(cadence, startsAt)

  function toggleAttendee(userId: string, on: boolean) {
    setAttendeeIds((ids) => (on ? [...ids, userId] : ids.filter((id) => id !== userId)))
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (Number.isNaN(startsAt.getTime())) return setError('Choose a date and time.')
    if (!title.trim()) return setError('Give the meeting a title.')
    setBusy(true)
    setError(null)
    try {
      const meeting = await api.createMeeting(workspaceId, {
        cadence,
        title: title.trim(),
        startsAt: startsAt.toISOString(),
        agenda: agenda.map((a) => a.documentId),
        attendeeIds,
        recurrence: recurrence || null,
      })
      onCreated(meeting)
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  return (
    <form className="schedule-form" onSubmit={submit} aria-labelledby="schedule-title" data-testid="schedule-form">
      <h2 className="section-title" id="schedule-title">
        Schedule a meeting
      </h2>
      <div className="schedule-grid">
        <div className="schedule-fields">
          <label className="field">
            <span className="field-label">Cadence</span>
            <select name="cadence" value={cadence} onChange={(e) => setCadence(e.target.value as Cadence)}>
              {CADENCES.map((c) => (
                <option key={c} value={c}>
                  {CADENCE_LABELS[c]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Repeats</span>
            <select name="recurrence" value={recurrence} onChange={(e) => setRecurrence(e.target.value as Recurrence | '')}>
              <option value="">Does not repeat</option>
              {RECURRENCES.map((r) => <option key={r} value={r}>{RECURRENCE_LABELS[r]}</option>)}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Date and time</span>
            <input type="datetime-local" name="startsAt" required value={when} onChange={(e) => setWhen(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Title</span>
            <input name="title" required maxLength={200} value={title} onChange={(e) => setCustomTitle(e.target.value)} />
            {customTitle !== null && (
              <button type="button" className="link-button" onClick={() => setCustomTitle(null)}>
                Use “{defaultMeetingTitle(cadence, startsAt)}”
              </button>
            )}
          </label>
          <fieldset className="field attendees">
            <legend className="field-label">Attendees</legend>
            {members.map((m) => (
              <label key={m.userId} className="attendee">
                <input
                  type="checkbox"
                  name="attendee"
                  value={m.userId}
                  checked={attendeeIds.includes(m.userId)}
                  onChange={(e) => toggleAttendee(m.userId, e.target.checked)}
                />
                <span>{m.name}</span>
                <span className="attendee-role">{roleLabel(m.role)}</span>
              </label>
            ))}
          </fieldset>
        </div>
        <AgendaPicker agenda={agenda} onChange={setAgenda} proposal={proposal} documents={documents} />
      </div>
      <FormError message={error} />
      <div className="schedule-actions">
        <button type="button" className="button subtle" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy} data-testid="schedule-submit">
          {busy ? 'Scheduling…' : 'Schedule meeting'}
        </button>
      </div>
    </form>
  )
}
