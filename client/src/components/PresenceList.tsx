import type { PresenceEntry } from '../sync/usePresence'
import { roleLabel } from './RoleChip'
import { Avatar } from './Avatar'

/** Who is in this document right now: one entry per person, however many tabs they have open. */
export function PresenceList({ people }: { people: PresenceEntry[] }) {
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 className="side-title" id="presence-heading">
        Here now <span className="count">{people.length}</span>
      </h2>
      <ul className="presence-list" data-testid="presence-list">
        {people.map((p) => (
          <li key={p.id} className="presence-user" data-testid="presence-user" data-user-id={p.id}>
            <Avatar name={p.name} color={p.color} />
            <span className="presence-name">
              {p.name}
              {p.isSelf && <span className="you"> (you)</span>}
            </span>
            <span className="presence-role">{roleLabel(p.role)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
