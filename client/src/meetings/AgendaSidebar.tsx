// The meeting's agenda, in order; the selected document is aria-current.
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { DocumentDto } from '../../../shared/api'
import { DOCUMENT_KIND_LABELS } from '../../../shared/document-kinds'

interface Props {
  agenda: DocumentDto[]
  selectedId: string | null
  presenterDocumentId: string | null
  onSelect: (documentId: string) => void
  /** Shown above the agenda (the actions carried from earlier meetings). */
  children?: ReactNode
}

export function AgendaSidebar({ agenda, selectedId, presenterDocumentId, onSelect, children }: Props) {
  return (
    <nav className="room-agenda" aria-labelledby="agenda-heading">
      {children}
      <h2 className="side-title" id="agenda-heading">
        Agenda <span className="count">{agenda.length}</span>
      </h2>
      {agenda.length === 0 ? (
        <p className="muted small-text">No documents on the agenda.</p>
      ) : (
        <ol className="agenda-items">
          {agenda.map((d, i) => (
            <li key={d.id}>
              <button
                type="button"
                className="agenda-item"
                data-testid="agenda-item"
                data-document-id={d.id}
                aria-current={d.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(d.id)}
              >
                <span className="agenda-number">{i + 1}</span>
                <span className="agenda-item-text">
                  <span className="agenda-item-title">{d.title}</span>
                  <span className="agenda-item-kind">{DOCUMENT_KIND_LABELS[d.kind]}</span>
                </span>
                {d.id === presenterDocumentId && (
                  <>
                    <span className="presenter-dot" title="The presenter is here" aria-hidden="true" />
                    <span className="visually-hidden">(the presenter is here)</span>
                  </>
                )}
              </button>
            </li>
          ))}
        </ol>
      )}
      {selectedId && (
        <div className="agenda-links">
          <Link to={`/d/${selectedId}`} target="_blank" rel="noreferrer">
            Open in a new tab
          </Link>
          <Link to={`/d/${selectedId}/history`}>History</Link>
        </div>
      )}
    </nav>
  )
}
