// A modal confirmation for an action that changes shared state: shows the server's error in place
// and keeps the dialog open until the action succeeds or the person cancels.
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { errorMessage } from '../api'
import { FormError } from './FormError'

interface Props {
  title: ReactNode
  children: ReactNode
  confirmLabel: string
  busyLabel: string
  testId: string
  confirmTestId: string
  onConfirm: () => Promise<void>
  onClose: () => void
}

export function ConfirmDialog({ title, children, confirmLabel, busyLabel, testId, confirmTestId, onConfirm, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  async function confirm() {
    setBusy(true)
    setError(null)
    try {
      await onConfirm()
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${testId}-title`} data-testid={testId} onCancel={onClose}>
      <h2 id={`${testId}-title`} className="dialog-title">{title}</h2>
      <p className="muted">{children}</p>
      <FormError message={error} />
      <div className="dialog-actions">
        <button type="button" className="button subtle" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button primary" data-testid={confirmTestId} onClick={() => void confirm()} disabled={busy}>
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
