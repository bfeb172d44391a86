// "Restore this version?": a modal confirmation; restoring is a forward change everyone sees live.
import { useEffect, useRef, useState } from 'react'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'

interface Props {
  documentId: string
  version: number
  label: string
  onClose: () => void
  onRestored: () => void
}

export function RestoreDialog({ documentId, version, label, onClose, onRestored }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  async function restore() {
    setBusy(true)
    setError(null)
    try {
      await api.restoreVersion(documentId, version)
      onRestored()
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="restore-title" data-testid="restore-dialog" onCancel={onClose}>
      <h2 id="restore-title" className="dialog-title">
        Restore v{version}?
      </h2>
      <p className="muted">
        The live document will be set back to “{label}”. Everyone editing sees the change at once. The current state stays in the
        history, and the restore is saved as a new version.
      </p>
      <FormError message={error} />
      <div className="dialog-actions">
        <button type="button" className="button subtle" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button primary" data-testid="restore-confirm" onClick={() => void restore()} disabled={busy}>
          {busy ? 'Restoring…' : 'Restore'}
        </button>
      </div>
    </dialog>
  )
}
