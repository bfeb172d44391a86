// "Decide an item" in the meeting room: an open item of the decision queue, its outcome, the
// rationale, a new due date when deferred and, on board cadence, the vote of each voter.
import { useState, type FormEvent } from 'react'
import type { MeetingDecisionDto } from '../../../shared/api'
import { DECISION_OUTCOMES, VOTE_CHOICES, type DecisionOutcome, type VoteChoice } from '../../../shared/decision-outcomes'
import { addDays } from '../../../shared/documents/calendar'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'
import { useOpenDecisions } from './useOpenDecisions'

interface Props {
  meetingId: string
  queueDocumentId: string
  /** Who may vote: people in the room (live) or the attendees (ended); null: no votes (not a board meeting). */
  voters: { userId: string; name: string }[] | null
  today: string
  onRecorded: (decision: MeetingDecisionDto) => void
}

const OUTCOME_LABELS: Record<DecisionOutcome, string> = { approved: 'Approved', rejected: 'Rejected', deferred: 'Deferred' }
const VOTE_LABELS: Record<VoteChoice, string> = { for: 'For', against: 'Against', abstain: 'Abstain' }

export function DecideItemForm({ meetingId, queueDocumentId, voters, today, onRecorded }: Props) {
  const open = useOpenDecisions(queueDocumentId)
  const [decisionId, setDecisionId] = useState('')
  const [outcome, setOutcome] = useState<DecisionOutcome>('approved')
  const [rationale, setRationale] = useState('')
  const [newDueDate, setNewDueDate] = useState(() => addDays(today, 28))
  const [votes, setVotes] = useState<Record<string, VoteChoice | ''>>({})
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const chosen = open.some((d) => d.id === decisionId) ? decisionId : (open[0]?.id ?? '')

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const cast = Object.entries(votes).flatMap(([userId, vote]) => (vote ? [{ userId, vote }] : []))
      const { decision } = await api.recordDecision(meetingId, {
        decisionId: chosen, outcome, rationale, votes: cast, ...(outcome === 'deferred' ? { newDueDate } : {}),
      })
      onRecorded(decision)
      setRationale('')
      setVotes({})
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  if (open.length === 0) return <p className="muted small-text">No open items in the decision queue.</p>
  return (
    <form className="decide-item" data-testid="decide-item" onSubmit={(e) => void submit(e)}>
      <select aria-label="Item to decide" value={chosen} onChange={(e) => setDecisionId(e.target.value)}>
        {open.map((d) => <option key={d.id} value={d.id}>{d.question}</option>)}
      </select>
      <div className="action-line">
        <select aria-label="Outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as DecisionOutcome)}>
          {DECISION_OUTCOMES.map((o) => <option key={o} value={o}>{OUTCOME_LABELS[o]}</option>)}
        </select>
        {outcome === 'deferred' && (
          <label>Back on <input type="date" aria-label="New due date" value={newDueDate} required onChange={(e) => setNewDueDate(e.target.value)} /></label>
        )}
      </div>
      <textarea aria-label="Rationale" placeholder="Rationale" rows={2} maxLength={2000} value={rationale} onChange={(e) => setRationale(e.target.value)} />
      {voters && (
        <fieldset className="votes">
          <legend>Votes</legend>
          {voters.length === 0 && <p className="muted small-text">Nobody is present to vote.</p>}
          {voters.map((v) => (
            <label key={v.userId} className="vote-line">
              <span>{v.name}</span>
              <select aria-label={`Vote of ${v.name}`} value={votes[v.userId] ?? ''} onChange={(e) => setVotes({ ...votes, [v.userId]: e.target.value as VoteChoice | '' })}>
                <option value="">No vote</option>
                {VOTE_CHOICES.map((c) => <option key={c} value={c}>{VOTE_LABELS[c]}</option>)}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" className="button small primary" disabled={busy || !chosen}>Record decision</button>
      <FormError message={error} />
    </form>
  )
}
