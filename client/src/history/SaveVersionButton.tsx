// "Save version" on the document page (writers): a named snapshot of the live document.
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'
import './history.css'

export function SaveVersionButton({ documentId }: { documentId: string }) {
  const [open, setOpen] = useState(false)
  const [label, setLabel] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<number | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (open) inputRef.current?.focus()
  }, [open])

  // The confirmation floats under the button for a while, without moving anything.
  useEffect(() => {
    if (saved === null) return
    const timer = setTimeout(() => setSaved(null), 8000)
    return () => clearTimeout(timer)
  }, [saved])

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const { version } = await api.saveVersion(documentId, label.trim() || undefined)
      setSaved(version.version)
      setOpen(false)
      setLabel('')
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="save-version">
      <button type="button" className="button small" data-testid="save-version" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Save version
      </button>
      {saved !== null && !open && (
        <p className="saved-note" role="status">
          Saved as{' '}
          <Link to={`/d/${documentId}/history?version=${saved}`} data-testid="version-saved">
            v{saved}
          </Link>
        </p>
      )}
      {open && (
        <form className="save-version-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <label className="field">
            <span className="field-label">Version name</span>
            <input
              ref={inputRef}
              name="label"
              value={label}
              maxLength={200}
              placeholder="e.g. Before the vendor review"
              onChange={(e) => setLabel(e.target.value)}
            />
          </label>
          <FormError message={error} />
          <div className="save-version-actions">
            <button type="button" className="button small subtle" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="button small primary" disabled={busy} data-testid="save-version-submit">
              {busy ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
