// Who is in the room (awareness of the notes document), with their role; the presenter marked.
import { roleLabel } from '../components/RoleChip'
import type { PresenceEntry } from '../sync/usePresence'
import { Avatar } from '../components/Avatar'

export function RoomPresence({ people, presenterId }: { people: PresenceEntry[]; presenterId: string | null }) {
  return (
    <section className="room-presence" aria-labelledby="room-presence-heading">
      <h2 className="side-title" id="room-presence-heading">
        In the room <span className="count">{people.filter((p) => !p.away).length}</span>
      </h2>
      <ul className="room-people" data-testid="room-presence">
        {people.map((p) => (
          <li key={p.id} className={p.away ? 'room-person away' : 'room-person'} data-testid="room-person" data-user-id={p.id} data-away={p.away}>
            <Avatar name={p.name} color={p.color} />
            <span className="presence-name">
              {p.name}
              {p.isSelf && <span className="you"> (you)</span>}
              {p.id === presenterId && <span className="presenting-tag">Presenting</span>}
            </span>
            <span className="presence-role">{p.away ? 'Away' : roleLabel(p.role)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
