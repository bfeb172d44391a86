import type { PresenceEntry } from '../sync/usePresence'
import { roleLabel } from './RoleChip'
import { Avatar } from './Avatar'

/** Who is in this document right now: one entry per person, however many tabs they have open. */
export function PresenceList({ people }: { people: PresenceEntry[] }) {
  const here = people.filter((p) => !p.away).length
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 className="side-title" id="presence-heading">
        Here now <span className="count">{here}</span>
      </h2>
      <ul className="presence-list" data-testid="presence-list">
        {people.map((p) => (
          <li
            key={p.id}
            className={p.away ? 'presence-user away' : 'presence-user'}
            data-testid="presence-user"
            data-user-id={p.id}
            data-away={p.away}
            title={p.away ? `${p.name} has not been reachable for a while` : undefined}
          >
            <Avatar name={p.name} color={p.color} />
            <span className="presence-name">
              {p.name}
              {p.isSelf && <span className="you"> (you)</span>}
            </span>
            <span className="presence-role">{p.away ? 'Away' : roleLabel(p.role)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
