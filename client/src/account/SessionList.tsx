import { useCallback, useEffect, useState } from 'react'
import type { SessionDto } from '../../../shared/api'
import { dateLabel } from '../../../shared/format/dates'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'

/** A rough name for a browser from its User-Agent, enough to tell one's sessions apart. */
function browserName(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser'
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrom(e|ium)\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : null
  const system = /iPhone|iPad/.test(userAgent) ? 'iOS' : /Android/.test(userAgent) ? 'Android' : /Mac OS X/.test(userAgent) ? 'macOS' : /Windows/.test(userAgent) ? 'Windows' : /Linux/.test(userAgent) ? 'Linux' : null
  return browser && system ? `${browser} on ${system}` : userAgent.slice(0, 60)
}

/** Where the person is signed in; any other session can be ended from here. */
export function SessionList() {
  const [sessions, setSessions] = useState<SessionDto[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    try {
      setSessions((await api.listSessions()).sessions)
    } catch (err) {
      setError(errorMessage(err))
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  async function handleEnd(session: SessionDto) {
    setBusy(true)
    setError(null)
    try {
      await api.endSession(session.id)
      await load()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <ul className="list session-list" aria-labelledby="sessions-heading">
        {sessions.map((s) => (
          <li key={s.id} className="list-row session-row" data-testid="session-row">
            <div className="member-identity">
              <span className="member-name">
                {browserName(s.userAgent)}
                {s.current && <span className="you"> (this browser)</span>}
              </span>
              <span className="member-email">Signed in {dateLabel(s.createdAt)} · last seen {dateLabel(s.lastSeenAt)}</span>
            </div>
            {!s.current && (
              <button type="button" className="button subtle small danger" disabled={busy} onClick={() => void handleEnd(s)} aria-label={`Sign out ${browserName(s.userAgent)}, signed in ${dateLabel(s.createdAt)}`}>
                Sign out
              </button>
            )}
          </li>
        ))}
      </ul>
      <FormError message={error} />
    </>
  )
}
