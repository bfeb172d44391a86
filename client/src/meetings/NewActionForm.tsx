// "Add an action": title, owner (a member) and due date, created in this meeting. With a title from
// the notes ("Make action") it opens with that title and the owner focused: owner and date are chosen
// (an empty line gives an empty title, and the title is focused instead).
import { useState, type FormEvent } from 'react'
import type { ActionDto, MemberDto } from '../../../shared/api'
import { addDays } from '../../../shared/documents/calendar'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'

interface Props {
  meetingId: string
  members: MemberDto[]
  defaultOwnerId: string
  today: string
  /** A title taken from the notes. */
  initialTitle?: string
  onCreated: (action: ActionDto) => void
}

export function NewActionForm({ meetingId, members, defaultOwnerId, today, initialTitle, onCreated }: Props) {
  const [title, setTitle] = useState(initialTitle ?? '')
  const [ownerId, setOwnerId] = useState(defaultOwnerId)
  const [dueDate, setDueDate] = useState(() => addDays(today, 7))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      onCreated((await api.createAction(meetingId, { title, ownerId, dueDate })).action)
      setTitle('')
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="new-action" data-testid="new-action" onSubmit={(e) => void submit(e)}>
      <input aria-label="New action" placeholder="Add an action…" value={title} autoFocus={initialTitle === ''} maxLength={300} required onChange={(e) => setTitle(e.target.value)} />
      <div className="action-line">
        <select aria-label="Owner of the new action" value={ownerId} autoFocus={!!initialTitle} onChange={(e) => setOwnerId(e.target.value)}>
          {members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
        </select>
        <input type="date" aria-label="Due date of the new action" value={dueDate} required onChange={(e) => setDueDate(e.target.value)} />
        <button type="submit" className="button small primary" disabled={busy || !title.trim()}>Add</button>
      </div>
      <FormError message={error} />
    </form>
  )
}
