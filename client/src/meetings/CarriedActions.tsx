// At the top of the agenda: open items carried from earlier meetings of this cadence, until done.
import { ActionItem } from './ActionItem'
import type { MeetingActions } from './useMeetingActions'

export function CarriedActions({ state, canWrite, today }: { state: MeetingActions; canWrite: boolean; today: string }) {
  const carried = state.items?.carried ?? []
  if (carried.length === 0) return null
  return (
    <section className="carried-actions" aria-labelledby="carried-heading" data-testid="carried-actions">
      <h2 className="side-title" id="carried-heading">
        Carried actions <span className="count">{carried.length}</span>
      </h2>
      <ul className="action-list">
        {carried.map((a) => (
          <ActionItem key={`${a.id}:${a.updatedAt}`} action={a} members={state.members} canWrite={canWrite} today={today} showMeeting compact onChanged={state.changed} />
        ))}
      </ul>
    </section>
  )
}
