// A text cell bound to its Y.Text: every keystroke is applied as the smallest insert/delete, so two
// people typing in one cell both keep their characters, and others' typing appears in the input
// with the caret kept in place. No commit step; Enter (or Ctrl/Cmd+Enter in a multi-line cell)
// leaves the cell, Escape puts back what the cell said on entry if nobody else typed meanwhile.
import { useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react'
import type * as Y from 'yjs'
import { applyTextChange, mapThroughDelta, replaceText, textChange } from '../../../../shared/documents/text-change'
import type { CellRef } from '../../sync/cell-presence'
import { CellEditorsMark, useCellEditors, useCellFocus } from './CellPresence'
import type { LocalUndo } from './useLocalUndo'

export interface CellTextProps {
  /** The reader's value: shown while the cell still holds a plain string (older documents). */
  value: string
  /** The cell's Y.Text; `writable` turns an older plain string into one (see rowText in shared/documents/rows.ts). */
  text: (writable: boolean) => Y.Text | null
  /** Runs the edit as this person's undoable change. */
  write: LocalUndo['write']
  cell: CellRef
  label: string
  readOnly?: boolean
  multiline?: boolean
  placeholder?: string
  maxLength?: number
  className?: string
  testId?: string
  autoFocus?: boolean
}

type Field = HTMLInputElement | HTMLTextAreaElement

export function CellText(props: CellTextProps) {
  const { value, text, write, cell, readOnly = false, multiline = false } = props
  const ref = useRef<Field>(null)
  const bound = text(false)
  const editors = useCellEditors(cell)
  const focus = useCellFocus(readOnly ? undefined : cell)
  // What the cell said when the person entered it, and whether someone else typed since.
  const session = useRef<{ start: string; othersTyped: boolean } | null>(null)

  // Shows the bound text, or (a plain string not yet converted) the reader's value.
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const shown = bound ? bound.toString() : value
    if (el.value !== shown) el.value = shown
  }, [bound, value])

  useEffect(() => {
    if (!bound) return
    const onChange = (event: Y.YTextEvent, tr: Y.Transaction) => {
      const el = ref.current
      if (!el) return
      if (!tr.local && session.current) session.current.othersTyped = true
      const now = bound.toString()
      if (el.value === now) return // this input's own keystroke
      const focused = document.activeElement === el
      const start = el.selectionStart ?? 0
      const end = el.selectionEnd ?? 0
      el.value = now
      el.toggleAttribute('data-empty', now === '')
      if (focused) el.setSelectionRange(mapThroughDelta(start, event.delta), mapThroughDelta(end, event.delta, start !== end))
    }
    bound.observe(onChange)
    return () => bound.unobserve(onChange)
  }, [bound])

  const onInput = useCallback(() => {
    const el = ref.current
    const target = el && !readOnly ? text(true) : null
    if (!el || !target) return
    const change = textChange(target.toString(), el.value, el.selectionEnd ?? undefined)
    if (change) write(() => applyTextChange(target, change))
    el.toggleAttribute('data-empty', el.value === '')
  }, [readOnly, text, write])

  const onFocus = () => {
    focus.onFocus()
    if (readOnly) return
    // Converting an older plain string on entry, not on the first keystroke, narrows the window in
    // which two people could each make their own Y.Text for the same cell.
    const target = text(true)
    session.current = { start: target?.toString() ?? value, othersTyped: false }
  }

  const onBlur = () => {
    focus.onBlur()
    session.current = null
  }

  const onKeyDown = (e: KeyboardEvent<Field>) => {
    const leave = e.key === 'Enter' && (!multiline || e.metaKey || e.ctrlKey)
    if (leave) {
      e.preventDefault()
      e.currentTarget.blur()
    } else if (e.key === 'Escape' && !readOnly) {
      e.preventDefault()
      const target = text(false)
      const started = session.current
      if (target && started && !started.othersTyped && target.toString() !== started.start) write(() => replaceText(target, started.start))
      e.currentTarget.blur()
    }
  }

  const common = {
    ref: ref as never,
    'aria-label': props.label,
    'data-testid': props.testId,
    'data-empty': (bound ? bound.length === 0 : value === '') ? '' : undefined,
    'data-editors': editors.length > 0 ? editors.map((e) => e.name).join(',') : undefined,
    readOnly,
    placeholder: readOnly ? undefined : props.placeholder,
    maxLength: props.maxLength,
    autoFocus: props.autoFocus,
    className: `cell-input ${readOnly ? 'is-readonly' : ''} ${props.className ?? ''}`,
    onInput,
    onFocus,
    onBlur,
    onKeyDown,
  }

  return (
    <div className={`cell-field ${editors.length > 0 ? 'has-editors' : ''}`}>
      {multiline ? <textarea {...common} rows={2} /> : <input {...common} type="text" />}
      <CellEditorsMark editors={editors} />
    </div>
  )
}
