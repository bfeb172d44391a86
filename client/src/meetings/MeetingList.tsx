// A workspace's meetings: in progress, upcoming (soonest first), past (latest first).
import { format } from 'date-fns'
import { Link } from 'react-router'
import { BoardPackLinks } from './BoardPackLinks'
import { cadenceLabel } from './cadence'
import type { MeetingDto } from '../../../shared/api'

export function meetingTime(iso: string | null): string {
  const d = iso ? new Date(iso) : null
  return d && !Number.isNaN(d.getTime()) ? format(d, 'EEE d MMM yyyy, HH:mm') : ''
}

const STATUS_LABELS = { scheduled: 'Scheduled', 'in-progress': 'In progress', ended: 'Ended' } as const

function MeetingRow({ meeting }: { meeting: MeetingDto }) {
  return (
    <li className="list-row meeting-row" data-testid="meeting-row" data-meeting-id={meeting.id} data-status={meeting.status}>
      <Link to={`/m/${meeting.id}`} className="list-link meeting-link">
        <span className="meeting-row-main">
          <span className={`cadence-chip cadence-${meeting.cadence}`}>{cadenceLabel(meeting.cadence)}</span>
          <span className="list-title">{meeting.title}</span>
        </span>
        <span className="list-meta">
          {meeting.agenda.length} on agenda · {meeting.attendees.length} attending · {meetingTime(meeting.startsAt)}
        </span>
      </Link>
      {meeting.status !== 'scheduled' && <span className={`status-pill status-${meeting.status}`}>{STATUS_LABELS[meeting.status]}</span>}
      {meeting.status === 'ended' && meeting.cadence === 'board' && <BoardPackLinks meetingId={meeting.id} compact />}
    </li>
  )
}

function Group({ title, meetings, empty }: { title: string; meetings: MeetingDto[]; empty?: string }) {
  if (meetings.length === 0 && !empty) return null
  return (
    <div className="meeting-group">
      <h3 className="group-title">
        {title} <span className="count">{meetings.length}</span>
      </h3>
      {meetings.length === 0 ? (
        <div className="empty small">{empty}</div>
      ) : (
        <ul className="list">
          {meetings.map((m) => (
            <MeetingRow key={m.id} meeting={m} />
          ))}
        </ul>
      )}
    </div>
  )
}

export function MeetingList({ meetings }: { meetings: MeetingDto[] }) {
  const time = (m: MeetingDto) => new Date(m.startsAt).getTime()
  const live = meetings.filter((m) => m.status === 'in-progress')
  const upcoming = meetings.filter((m) => m.status === 'scheduled').sort((a, b) => time(a) - time(b))
  const past = meetings.filter((m) => m.status === 'ended').sort((a, b) => time(b) - time(a))
  return (
    <div className="meeting-groups">
      <Group title="In progress" meetings={live} />
      <Group title="Upcoming" meetings={upcoming} empty="Nothing scheduled." />
      <Group title="Past" meetings={past} empty="No meetings have ended yet." />
    </div>
  )
}
