// One editable value that is a single value (a number, a date): while the person types, their
// draft is kept locally; Enter or leaving the field commits through the shared writer, Escape
// reverts. If someone else changes the value meanwhile, the cell says who and to what, and the
// person chooses. A refused value stays in the field with the writer's message next to it.
// Free text is not edited here but in CellText, bound to a Y.Text.
import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react'
import type { WriteResult } from '../../../../shared/documents/fields'
import type { CellRef } from '../../sync/cell-presence'
import { CellConflict, focusStaysInCell } from './CellConflict'
import { CellEditorsMark, useCellEditors, useCellFocus, useLastEditors } from './CellPresence'
import { dateLabel } from './format'

export interface CellInputProps {
  /** The stored value as text. */
  value: string
  /** Parses the text and writes it; the result decides whether the draft is accepted. */
  onCommit: (text: string) => WriteResult
  label: string
  /** Which cell this is, for presence (who else is in it) and to name who changed it. */
  cell?: CellRef
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
  // The stored value when the draft began, and a value of theirs the person chose to type over.
  const base = useRef(value)
  const [kept, setKept] = useState<string | null>(null)
  const errorId = useId()
  const editors = useCellEditors(props.cell)
  const lastEditors = useLastEditors(editors)
  const focus = useCellFocus(readOnly ? undefined : props.cell)
  // Read-only dates read like the rest of the page ("14 Jan 2027"), not in the browser's input format.
  const staticDate = readOnly && type === 'date'
  const shown = staticDate ? dateLabel(value || null) : (draft ?? value)
  const dirty = draft !== null && draft !== value
  const theirs = draft !== null && value !== base.current && value !== kept ? value : null

  const reset = () => {
    setDraft(null)
    setError(null)
    setKept(null)
  }

  const commit = () => {
    if (draft === null) return
    if (draft === value) return reset()
    const result = onCommit(draft)
    if (result.ok) reset()
    else setError(result.error)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (!multiline || e.metaKey || e.ctrlKey)) {
      e.preventDefault()
      commit()
    } else if (e.key === 'Escape' && draft !== null) {
      e.preventDefault()
      reset()
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
    onChange: (e: { target: { value: string } }) => {
      if (draft === null) base.current = value
      setDraft(e.target.value)
    },
    onFocus: focus.onFocus,
    onBlur: (e: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (focusStaysInCell(e)) return
      focus.onBlur()
      commit()
    },
    onKeyDown,
  }

  return (
    <div className={`cell-field ${error ? 'has-error' : ''} ${editors.length > 0 ? 'has-editors' : ''}`}>
      {multiline ? (
        <textarea {...common} rows={2} />
      ) : (
        <input {...common} type={staticDate ? 'text' : type} inputMode={numeric ? 'decimal' : undefined} />
      )}
      <CellEditorsMark editors={editors} />
      {theirs !== null && (
        <CellConflict who={lastEditors} theirs={type === 'date' ? dateLabel(theirs || null) : theirs} takeLabel="Take theirs" keepLabel="Keep mine"
          onTake={reset} onKeep={() => setKept(theirs)} />
      )}
      {error && (
        <span className="cell-error" id={errorId} role="alert" data-testid="field-error">
          {error}
        </span>
      )}
    </div>
  )
}
