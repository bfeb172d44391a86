// A vendor's decision history: append-only (entries are never edited or deleted).
import { useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import { addVendorHistory } from '../../../../shared/documents/vendors'
import type { Vendor } from '../../../../shared/documents/vendors'
import type { PresenceUser } from '../../../../shared/presence'
import { dateLabel } from '../common/format'

interface Props {
  vendor: Vendor
  ydoc: Y.Doc
  user: PresenceUser
  canWrite: boolean
  today: string
}

export function VendorHistory({ vendor, ydoc, user, canWrite, today }: Props) {
  const [date, setDate] = useState(today)
  const [author, setAuthor] = useState(user.name)
  const [note, setNote] = useState('')
  const [error, setError] = useState<{ field: string; message: string } | null>(null)
  const entries = [...vendor.history].reverse()

  const submit = (e: FormEvent) => {
    e.preventDefault()
    // Not through `write`: history is append-only, so an entry is not something one can undo.
    const result = addVendorHistory(ydoc, vendor.id, { date, author: author.trim(), note: note.trim() })
    if (!result.ok) return setError({ field: result.field ?? 'note', message: result.error })
    setError(null)
    setNote('')
  }
  const errorFor = (field: string) =>
    error?.field === field ? <span className="cell-error" role="alert" data-testid="field-error">{error.message}</span> : null

  return (
    <div className="vendor-history" data-testid="vendor-history">
      <h3 className="detail-label">Decision history</h3>
      {entries.length === 0 ? (
        <p className="muted small-text">No entries yet.</p>
      ) : (
        <ol className="history-list">
          {entries.map((entry) => (
            <li key={entry.id} className="history-entry">
              <span className="history-date">{dateLabel(entry.date) || 'Undated'}</span>
              <span className="history-author">{entry.author || 'Unknown'}</span>
              <span className="history-note">{entry.note}</span>
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <form className="history-form" onSubmit={submit} aria-label={`Add to ${vendor.name || 'vendor'} history`}>
          <div className="cell-field">
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-label="Entry date" required />
            {errorFor('date')}
          </div>
          <div className="cell-field">
            <input value={author} onChange={(e) => setAuthor(e.target.value)} aria-label="Author" placeholder="Author" />
            {errorFor('author')}
          </div>
          <div className="cell-field grow">
            <input value={note} onChange={(e) => setNote(e.target.value)} aria-label="Note" placeholder="What was decided or learned" />
            {errorFor('note')}
          </div>
          <button type="submit" className="button small">Add entry</button>
        </form>
      )}
    </div>
  )
}
