import { Link } from 'react-router'
import { api } from '../api'
import { cadenceLabel } from './cadence'
import type { MeetingDto } from '../../../shared/api'
import { meetingTime } from './MeetingList'

const RECURRENCE_WORDS = { weekly: 'weekly', biweekly: 'every two weeks', monthly: 'monthly', quarterly: 'quarterly' } as const
const STATUS_LABELS = { scheduled: 'Scheduled', 'in-progress': 'In progress', ended: 'Ended' } as const

export function MeetingHeader({ meeting }: { meeting: MeetingDto }) {
  return (
    <div className="meeting-header">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to={`/w/${meeting.workspaceId}/meetings`}>Meetings</Link>
      </nav>
      <div className="meeting-title-row">
        <h1 className="meeting-title">{meeting.title}</h1>
        <span className={`cadence-chip cadence-${meeting.cadence}`}>{cadenceLabel(meeting.cadence)}</span>
        <span className={`status-pill status-${meeting.status}`} data-testid="meeting-status">
          {STATUS_LABELS[meeting.status]}
        </span>
      </div>
      <p className="meeting-when">
        {meetingTime(meeting.startsAt)}
        {meeting.recurrence && <> · repeats {RECURRENCE_WORDS[meeting.recurrence]}</>}
        {meeting.attendees.length > 0 && <> · {meeting.attendees.map((a) => a.name).join(', ')}</>}
        {' · '}<a href={api.meetingCalendarUrl(meeting.id)} download data-testid="meeting-ics">Add to calendar</a>
      </p>
    </div>
  )
}
