// One action item: read-only for viewers; owners and editors change its title, owner, due date and
// status in place (each change is saved at once).
import { useState } from 'react'
import { Link } from 'react-router'
import type { ActionDto, ActionPatch, MemberDto } from '../../../shared/api'
import { ACTION_STATUSES } from '../../../shared/action-statuses'
import { dateLabel } from '../../../shared/format/dates'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'
import { isOverdue } from './action-dates'

const STATUS_LABELS = { open: 'Open', done: 'Done', dropped: 'Dropped' } as const

interface Props {
  action: ActionDto
  members: MemberDto[]
  canWrite: boolean
  today: string
  /** Show the meeting it came from (carried items, the Actions page). */
  showMeeting?: boolean
  /** A narrow column (carried items): the item as text, and "Done" for owners and editors. */
  compact?: boolean
  onChanged: (action: ActionDto) => void
}

export function ActionItem({ action, members, canWrite, today, showMeeting = false, compact = false, onChanged }: Props) {
  const [title, setTitle] = useState(action.title)
  const [error, setError] = useState<string | null>(null)
  const overdue = isOverdue(action, today)

  async function save(patch: ActionPatch) {
    setError(null)
    try {
      onChanged((await api.updateAction(action.id, patch)).action)
    } catch (err) {
      setError(errorMessage(err))
      setTitle(action.title)
    }
  }

  const meta = (
    <span className="action-meta">
      {showMeeting && <Link to={`/m/${action.meetingId}`}>{action.meetingTitle}</Link>}
      {overdue && <span className="overdue-flag" data-testid="overdue">Overdue</span>}
    </span>
  )

  if (!canWrite || compact) {
    return (
      <li className={`action-item status-${action.status}`} data-testid="action-item" data-status={action.status}>
        <span className="action-title">{action.title}</span>
        <span className="action-line">
          {action.ownerName} · due {dateLabel(action.dueDate)}{compact ? '' : ` · ${STATUS_LABELS[action.status]}`} {meta}
        </span>
        {canWrite && action.status === 'open' && (
          <button type="button" className="button small" data-testid="action-done" onClick={() => void save({ status: 'done' })}>
            Mark done
          </button>
        )}
        <FormError message={error} />
      </li>
    )
  }
  return (
    <li className={`action-item status-${action.status}`} data-testid="action-item" data-status={action.status}>
      <textarea
        className="action-title-input"
        aria-label="Action"
        rows={1}
        value={title}
        maxLength={300}
        onChange={(e) => setTitle(e.target.value.replace(/\n/g, ' '))}
        onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), e.currentTarget.blur())}
        onBlur={() => title.trim() && title !== action.title && void save({ title })}
      />
      <span className="action-line">
        <select aria-label="Owner" value={action.ownerId} onChange={(e) => void save({ ownerId: e.target.value })}>
          {members.length === 0 && <option value={action.ownerId}>{action.ownerName}</option>}
          {members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
        </select>
        <input type="date" aria-label="Due date" value={action.dueDate} required onChange={(e) => e.target.value && void save({ dueDate: e.target.value })} />
        <select aria-label="Status" data-testid="action-status" value={action.status} onChange={(e) => void save({ status: e.target.value as ActionDto['status'] })}>
          {ACTION_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
        </select>
        {meta}
      </span>
      <FormError message={error} />
    </li>
  )
}
