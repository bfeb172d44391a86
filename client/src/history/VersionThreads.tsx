// The threads a saved version recorded: which were open and which resolved when it was saved.
import { useEffect, useState } from 'react'
import type { VersionThreadDto } from '../../../shared/api'
import { api, errorMessage } from '../api'

const EXCERPT_CHARS = 240
const excerpt = (body: string) => (body.length > EXCERPT_CHARS ? `${body.slice(0, EXCERPT_CHARS)}…` : body)

export function VersionThreads({ documentId, version }: { documentId: string; version: number }) {
  const [state, setState] = useState<{ version: number; threads: VersionThreadDto[] | null } | { version: number; error: string } | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    api.getVersionThreads(documentId, version, controller.signal)
      .then(({ threads }) => setState({ version, threads }))
      .catch((err) => { if (!controller.signal.aborted) setState({ version, error: errorMessage(err) }) })
    return () => controller.abort()
  }, [documentId, version])

  if (!state || state.version !== version) return null
  if ('error' in state) return <p className="muted small-text">Could not read the threads of v{version}: {state.error}</p>
  const { threads } = state
  if (threads === null) return <p className="muted small-text" data-testid="version-threads">Threads were not recorded with this version.</p>
  if (threads.length === 0) return <p className="muted small-text" data-testid="version-threads">No threads when this version was saved.</p>
  const open = threads.filter((t) => !t.resolved).length
  return (
    <details className="version-threads" data-testid="version-threads">
      <summary>Discussion when saved: {open} open · {threads.length - open} resolved</summary>
      <ul className="compare-rows">
        {threads.map((t) => (
          <li key={t.id} className={`compare-row ${t.resolved ? 'added' : 'changed'}`} data-thread-id={t.id} data-resolved={t.resolved}>
            <div className="compare-row-title">
              <span className={`change-tag ${t.resolved ? 'added' : 'changed'}`}>{t.resolved ? 'Resolved' : 'Open'}</span>
              <span className="compare-thread-body">{t.body === null ? <em className="muted">A thread deleted since</em> : excerpt(t.body)}</span>
            </div>
            {t.authorName && <p className="compare-row-meta">Started by {t.authorName}</p>}
          </li>
        ))}
      </ul>
    </details>
  )
}
