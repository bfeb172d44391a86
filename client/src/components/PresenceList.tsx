import type { PresenceEntry } from '../sync/usePresence'
import { roleLabel } from './RoleChip'

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase()
}

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
            <span className="avatar" style={{ backgroundColor: p.color }} aria-hidden="true">
              {initials(p.name)}
            </span>
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
