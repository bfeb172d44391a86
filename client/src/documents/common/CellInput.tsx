// One editable value (table cell or form field). While the person types, their draft is kept
// locally (others' edits to the same value do not clobber it); Enter or leaving the field commits
// through the shared writer, Escape reverts. A refused value stays in the field with the
// writer's message next to it.
import { useId, useState, type KeyboardEvent } from 'react'
import type { WriteResult } from '../../../../shared/documents/fields'
import { dateLabel } from './format'

export interface CellInputProps {
  /** The stored value as text. */
  value: string
  /** Parses the text and writes it; the result decides whether the draft is accepted. */
  onCommit: (text: string) => WriteResult
  label: string
  readOnly?: boolean
  type?: 'text' | 'date'
  numeric?: boolean
  multiline?: boolean
  placeholder?: string
  className?: string
  testId?: string
  autoFocus?: boolean
}

export function CellInput(props: CellInputProps) {
  const { value, onCommit, label, readOnly = false, type = 'text', numeric = false, multiline = false } = props
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const errorId = useId()
  // Read-only dates read like the rest of the page ("14 Jan 2027"), not in the browser's input format.
  const staticDate = readOnly && type === 'date'
  const shown = staticDate ? dateLabel(value || null) : (draft ?? value)
  const dirty = draft !== null && draft !== value

  const commit = () => {
    if (draft === null) return
    if (draft === value) {
      setDraft(null)
      setError(null)
      return
    }
    const result = onCommit(draft)
    if (result.ok) {
      setDraft(null)
      setError(null)
    } else setError(result.error)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (!multiline || e.metaKey || e.ctrlKey)) {
      e.preventDefault()
      commit()
    } else if (e.key === 'Escape' && draft !== null) {
      e.preventDefault()
      setDraft(null)
      setError(null)
    }
  }

  const common = {
    value: shown,
    'aria-label': label,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    'data-dirty': dirty ? 'true' : undefined,
    'data-empty': shown === '' ? '' : undefined,
    'data-testid': props.testId,
    readOnly,
    placeholder: readOnly ? undefined : props.placeholder,
    autoFocus: props.autoFocus,
    className: `cell-input ${numeric ? 'numeric' : ''} ${readOnly ? 'is-readonly' : ''} ${props.className ?? ''}`,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown,
  }

  return (
    <div className={`cell-field ${error ? 'has-error' : ''}`}>
      {multiline ? (
        <textarea {...common} rows={2} />
      ) : (
        <input {...common} type={staticDate ? 'text' : type} inputMode={numeric ? 'decimal' : undefined} />
      )}
      {error && (
        <span className="cell-error" id={errorId} role="alert" data-testid="field-error">
          {error}
        </span>
      )}
    </div>
  )
}
