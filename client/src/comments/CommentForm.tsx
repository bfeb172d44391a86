// A labelled text box for a thread, a reply or an edit. Ctrl/Cmd+Enter sends; the text is kept on error.
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { COMMENT_MAX_CHARS } from '../../../shared/api/comments'
import { errorMessage } from '../api'
import { FormError } from '../components/FormError'

interface Props {
  label: string
  submitLabel: string
  initial?: string
  testId: string
  onSubmit: (body: string) => Promise<void>
  onCancel?: () => void
}

export function CommentForm({ label, submitLabel, initial = '', testId, onSubmit, onCancel }: Props) {
  const [body, setBody] = useState(initial)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const id = useId()

  async function submit(event?: FormEvent) {
    event?.preventDefault()
    if (!body.trim()) {
      setError('Write something first.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      await onSubmit(body)
      setBody('')
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit()
    if (event.key === 'Escape' && onCancel) onCancel()
  }

  return (
    <form className="comment-form" onSubmit={submit} noValidate data-testid={testId}>
      <label htmlFor={id} className="visually-hidden">{label}</label>
      <textarea
        id={id} value={body} placeholder={label} rows={2} maxLength={COMMENT_MAX_CHARS}
        onChange={(e) => setBody(e.target.value)} onKeyDown={onKeyDown} aria-describedby={`${id}-hint`}
      />
      <span id={`${id}-hint`} className="visually-hidden">Ctrl+Enter sends</span>
      <div className="comment-form-actions">
        {onCancel && <button type="button" className="button small subtle" onClick={onCancel}>Cancel</button>}
        <button type="submit" className="button small primary" disabled={busy}>{busy ? 'Sending…' : submitLabel}</button>
      </div>
      <FormError message={error} />
    </form>
  )
}
