// The decisions recorded in this meeting, and for owners and editors the form to decide an item of
// the decision queue (when the queue is on the agenda and the minutes are not yet approved).
import type { MeetingDecisionDto, MeetingDto } from '../../../shared/api'
import { DecideItemForm } from './DecideItemForm'

const OUTCOME_WORDS = { approved: 'Approved', rejected: 'Rejected', deferred: 'Deferred' } as const
const VOTE_WORDS = { for: 'for', against: 'against', abstain: 'abstained' } as const

interface Props {
  meeting: MeetingDto
  canWrite: boolean
  /** People in the room now (by presence). */
  present: { userId: string; name: string }[]
  today: string
  onRecorded: () => void
}

function tally(d: MeetingDecisionDto): string {
  return d.votes.map((v) => `${v.name} ${VOTE_WORDS[v.vote]}`).join(', ')
}

export function DecisionsPanel({ meeting, canWrite, present, today, onRecorded }: Props) {
  const queue = meeting.agenda.find((d) => d.kind === 'decisions') ?? null
  const voters = meeting.cadence !== 'board' ? null : meeting.status === 'ended' ? meeting.attendees : present
  return (
    <section className="actions-panel" aria-labelledby="decisions-heading" data-testid="meeting-decisions">
      <h2 className="side-title" id="decisions-heading">
        Decisions <span className="count">{meeting.decisions.length}</span>
      </h2>
      <ul className="action-list">
        {meeting.decisions.map((d) => (
          <li key={d.id} className="action-item" data-testid="recorded-decision">
            <span className="action-title">{d.question}</span>
            <span className="action-line">
              <strong>{OUTCOME_WORDS[d.outcome]}</strong>
              {d.newDueDate && <span>back on {d.newDueDate}</span>}
            </span>
            {d.rationale && <span>{d.rationale}</span>}
            {d.votes.length > 0 && <span className="action-line">{tally(d)}</span>}
          </li>
        ))}
      </ul>
      {canWrite && meeting.minutes === null && (queue
        ? <DecideItemForm key={meeting.status} meetingId={meeting.id} queueDocumentId={queue.id} voters={voters} today={today} onRecorded={onRecorded} />
        : <p className="muted small-text">Put the decision queue on the agenda to decide its items here.</p>)}
    </section>
  )
}
