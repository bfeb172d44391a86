import { useState, type FormEvent } from 'react'
import type { DocumentDto } from '../../../shared/api'
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, type DocumentKind } from '../../../shared/document-kinds'
import { api, errorMessage } from '../api'
import { FormError } from './FormError'

export function CreateDocumentForm({ workspaceId, onCreated }: { workspaceId: string; onCreated: (document: DocumentDto) => void }) {
  const [kind, setKind] = useState<DocumentKind>('notes')
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!title.trim()) {
      setError('Give the document a title.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const submitted = title
      const document = await api.createDocument(workspaceId, { kind, title: submitted.trim() })
      // Clear only if the user has not started typing the next title meanwhile.
      setTitle((current) => (current === submitted ? '' : current))
      onCreated(document)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="create-document">
      <form className="form inline-form" onSubmit={handleSubmit} noValidate aria-label="New document">
        <select name="kind" aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {DOCUMENT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <input name="title" aria-label="Title" placeholder="Title, e.g. Q3 board pack" value={title} onChange={(e) => setTitle(e.target.value)} />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Creating…' : 'New document'}
        </button>
      </form>
      <FormError message={error} />
    </div>
  )
}
