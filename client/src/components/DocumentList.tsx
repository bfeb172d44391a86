import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { formatDistanceToNow } from 'date-fns'
import type { DocumentDto } from '../../../shared/api'
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS } from '../../../shared/document-kinds'
import { api, errorMessage } from '../api'
import { FormError } from './FormError'

interface DocumentListProps {
  documents: DocumentDto[]
  canWrite: boolean
  showArchived: boolean
  onChanged: (document: DocumentDto) => void
}

/** Documents grouped by kind (in DOCUMENT_KINDS order); archived ones in their own group when shown. */
export function DocumentList({ documents, canWrite, showArchived, onChanged }: DocumentListProps) {
  const active = documents.filter((d) => !d.archivedAt)
  const archived = documents.filter((d) => d.archivedAt)
  const byTitle = (a: DocumentDto, b: DocumentDto) => a.title.localeCompare(b.title)

  if (active.length === 0 && (!showArchived || archived.length === 0)) {
    return <div className="empty">No documents yet.{canWrite ? ' Create the first one above.' : ''}</div>
  }

  return (
    <div className="document-groups">
      {DOCUMENT_KINDS.map((kind) => {
        const docs = active.filter((d) => d.kind === kind).sort(byTitle)
        if (docs.length === 0) return null
        return (
          <div key={kind} className="document-group" data-kind={kind}>
            <h3 className="group-title">{DOCUMENT_KIND_LABELS[kind]}</h3>
            <ul className="list">
              {docs.map((d) => (
                <DocumentRow key={d.id} document={d} canWrite={canWrite} onChanged={onChanged} />
              ))}
            </ul>
          </div>
        )
      })}
      {showArchived && (
        <div className="document-group archived-group">
          <h3 className="group-title">Archived</h3>
          {archived.length === 0 ? (
            <div className="empty small">Nothing archived.</div>
          ) : (
            <ul className="list">
              {archived.sort(byTitle).map((d) => (
                <DocumentRow key={d.id} document={d} canWrite={canWrite} onChanged={onChanged} />
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}

function DocumentRow({ document, canWrite, onChanged }: { document: DocumentDto; canWrite: boolean; onChanged: (d: DocumentDto) => void }) {
  const [renaming, setRenaming] = useState(false)
  const [title, setTitle] = useState(document.title)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const archived = Boolean(document.archivedAt)

  async function patch(change: { title?: string; archived?: boolean }) {
    setBusy(true)
    setError(null)
    try {
      const { document: updated } = await api.updateDocument(document.id, change)
      onChanged(updated)
      return true
    } catch (err) {
      setError(errorMessage(err))
      return false
    } finally {
      setBusy(false)
    }
  }

  async function handleRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const next = title.trim()
    if (!next) {
      setError('A title is required.')
      return
    }
    if (next === document.title || (await patch({ title: next }))) setRenaming(false)
  }

  return (
    <li className={archived ? 'list-row document-row archived' : 'list-row document-row'} data-testid="document-row" data-document-id={document.id}>
      {renaming ? (
        <form className="rename-form" onSubmit={handleRename}>
          <input
            name="title"
            aria-label="Document title"
            value={title}
            autoFocus
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setTitle(document.title)
                setRenaming(false)
                setError(null)
              }
            }}
          />
          <button type="submit" className="button primary small" disabled={busy}>
            Save
          </button>
          <button
            type="button"
            className="button subtle small"
            onClick={() => {
              setTitle(document.title)
              setRenaming(false)
              setError(null)
            }}
          >
            Cancel
          </button>
        </form>
      ) : (
        <Link to={`/d/${document.id}`} className="list-link">
          <span className="list-title">{document.title}</span>
          <span className="list-meta">
            {archived ? 'Archived · ' : ''}Edited {formatDistanceToNow(new Date(document.updatedAt), { addSuffix: true })}
          </span>
        </Link>
      )}
      {canWrite && !renaming && (
        <div className="row-actions">
          {!archived && (
            <button
              type="button"
              className="button subtle small"
              onClick={() => {
                setTitle(document.title)
                setRenaming(true)
              }}
            >
              Rename
            </button>
          )}
          <button type="button" className="button subtle small" disabled={busy} onClick={() => void patch({ archived: !archived })}>
            {archived ? 'Unarchive' : 'Archive'}
          </button>
        </div>
      )}
      <FormError message={error} />
    </li>
  )
}
