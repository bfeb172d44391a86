// The meeting's own action items, and for owners and editors the form to add one (prefilled with a
// title from the notes by "Make action": a new draft opens a fresh form).
import type { ActionDto } from '../../../shared/api'
import { ActionItem } from './ActionItem'
import { NewActionForm } from './NewActionForm'
import type { MeetingActions } from './useMeetingActions'

interface Props {
  meetingId: string
  state: MeetingActions
  canWrite: boolean
  meId: string
  today: string
  draft: ActionDraft | null
}

/** A title for a new action, from the notes; `n` changes with every "Make action". */
export interface ActionDraft { title: string; n: number }

export function ActionItemsPanel({ meetingId, state, canWrite, meId, today, draft }: Props) {
  const actions: ActionDto[] = state.items?.actions ?? []
  return (
    <section className="actions-panel" aria-labelledby="actions-heading" data-testid="meeting-actions">
      <h2 className="side-title" id="actions-heading">
        Action items <span className="count">{actions.length}</span>
      </h2>
      {state.error && <p className="form-error">{state.error}</p>}
      {state.items && actions.length === 0 && <p className="muted small-text">No action items yet.</p>}
      <ul className="action-list">
        {actions.map((a) => (
          <ActionItem key={`${a.id}:${a.updatedAt}`} action={a} members={state.members} canWrite={canWrite} today={today} onChanged={state.changed} />
        ))}
      </ul>
      {canWrite && state.members.length > 0 && (
        <NewActionForm
          key={draft?.n ?? 0}
          meetingId={meetingId}
          members={state.members}
          defaultOwnerId={meId}
          today={today}
          initialTitle={draft?.title}
          onCreated={state.changed}
        />
      )}
    </section>
  )
}
