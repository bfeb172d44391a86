// The workspace search: a header button and Ctrl/Cmd+K open a dialog; typing searches titles,
// records, rich text and comments (GET /api/workspaces/:id/search); choosing a result opens the
// document at its record.
import { useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import type { SearchResultDto } from '../../../shared/api'
import { SEARCH_QUERY_MAX_CHARS } from '../../../shared/search-limits'
import { DOCUMENT_KIND_LABELS } from '../../../shared/document-kinds'
import { api, errorMessage } from '../api'
import { Snippet } from './Snippet'

/** Waits for a pause in typing before asking the server. */
const TYPING_PAUSE_MS = 150

export function SearchDialog({ workspaceId }: { workspaceId: string }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const navigate = useNavigate()
  const [q, setQ] = useState('')
  const [results, setResults] = useState<SearchResultDto[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [active, setActive] = useState(0)

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        open()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  useEffect(() => {
    const query = q.trim()
    if (!query) {
      setResults(null)
      setError(null)
      return
    }
    const controller = new AbortController()
    const timer = setTimeout(() => {
      api.search(workspaceId, query, controller.signal)
        .then((r) => { setResults(r.results); setError(null); setActive(0) })
        .catch((err) => { if (!controller.signal.aborted) setError(errorMessage(err)) })
    }, TYPING_PAUSE_MS)
    return () => { clearTimeout(timer); controller.abort() }
  }, [q, workspaceId])

  function open() {
    if (!dialog.current?.open) dialog.current?.showModal()
  }

  function choose(result: SearchResultDto) {
    dialog.current?.close()
    setQ('')
    navigate(`/d/${result.documentId}${result.recordId ? `?record=${encodeURIComponent(result.recordId)}` : ''}`)
  }

  function onInputKey(e: React.KeyboardEvent) {
    if (!results?.length) return
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((i) => (i + 1) % results.length) }
    if (e.key === 'ArrowUp') { e.preventDefault(); setActive((i) => (i - 1 + results.length) % results.length) }
    if (e.key === 'Enter') { e.preventDefault(); choose(results[active]) }
  }

  return (
    <>
      <button type="button" className="button subtle search-open" onClick={open} data-testid="search-open" aria-keyshortcuts="Control+K Meta+K">
        Search <kbd>Ctrl K</kbd>
      </button>
      <dialog ref={dialog} className="search-dialog" aria-label="Search the workspace" onClose={() => setQ('')}>
        <input
          type="search" role="combobox" aria-expanded={Boolean(results?.length)} className="search-input" placeholder="Search documents, records and comments" autoFocus
          aria-label="Search" value={q} maxLength={SEARCH_QUERY_MAX_CHARS} onChange={(e) => setQ(e.target.value)} onKeyDown={onInputKey}
          aria-controls="search-results" aria-activedescendant={results?.length ? `search-result-${active}` : undefined}
        />
        {error && <p className="form-error" role="alert">{error}</p>}
        {results && results.length === 0 && <p className="search-empty" role="status">No matches</p>}
        {results && results.length > 0 && (
          <ul id="search-results" className="search-results" role="listbox" aria-label="Results">
            {results.map((r, i) => (
              <li
                key={`${r.documentId}:${r.recordId ?? ''}:${r.source}:${i}`} id={`search-result-${i}`} role="option" aria-selected={i === active}
                className={i === active ? 'search-result active' : 'search-result'} data-testid="search-result"
                onMouseEnter={() => setActive(i)} onClick={() => choose(r)}
              >
                <span className="search-result-where">
                  <strong>{r.title}</strong>
                  <span className="search-result-kind">{DOCUMENT_KIND_LABELS[r.kind]}</span>
                  {r.recordTitle && <span className="search-result-record">› {r.recordTitle}</span>}
                  {r.source === 'comment' && <span className="search-result-kind">comment</span>}
                </span>
                <Snippet result={r} />
              </li>
            ))}
          </ul>
        )}
      </dialog>
    </>
  )
}
