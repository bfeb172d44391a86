// A select that writes on change; a refusal snaps back to the stored value with the message below.
// If someone else changes it while this person is in it, the cell says who and to what, and offers
// to put back the value the person had.
import { useId, useState, type FocusEvent } from 'react'
import type { WriteResult } from '../../../../shared/documents/fields'
import type { CellRef } from '../../sync/cell-presence'
import { CellConflict, focusStaysInCell } from './CellConflict'
import { CellEditorsMark, useCellEditors, useCellFocus, useLastEditors } from './CellPresence'

export interface Option {
  value: string
  label: string
}

export interface CellSelectProps {
  /** Stored value; null shows the empty option. */
  value: string | null
  options: readonly Option[]
  onCommit: (value: string) => WriteResult
  label: string
  /** Which cell this is, for presence (who else is in it) and to name who changed it. */
  cell?: CellRef
  readOnly?: boolean
  /** Label of the empty option (offered only when the value may be empty). */
  emptyLabel?: string
  className?: string
  testId?: string
}

export function CellSelect({ value, options, onCommit, label, cell, readOnly = false, emptyLabel, className = '', testId }: CellSelectProps) {
  const [error, setError] = useState<string | null>(null)
  // The value this person last saw or chose while in the select (undefined: not in it).
  const [mine, setMine] = useState<string | null | undefined>(undefined)
  const errorId = useId()
  const editors = useCellEditors(cell)
  const lastEditors = useLastEditors(editors)
  const focus = useCellFocus(cell)
  const known = value === null || options.some((o) => o.value === value)
  const labelOf = (v: string | null) => options.find((o) => o.value === v)?.label ?? v ?? emptyLabel ?? '—'

  if (readOnly) {
    return (
      <span className={`cell-static cell-field ${className} ${editors.length > 0 ? 'has-editors' : ''}`} data-testid={testId} data-value={value ?? ''}>
        {labelOf(value)}
        <CellEditorsMark editors={editors} />
      </span>
    )
  }

  const changedByOthers = mine !== undefined && mine !== value
  return (
    <div className={`cell-field ${error ? 'has-error' : ''} ${editors.length > 0 ? 'has-editors' : ''}`}>
      <select
        className={`cell-select ${className}`}
        value={value ?? ''}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={testId}
        onFocus={() => {
          focus.onFocus()
          setMine(value)
        }}
        onBlur={(e: FocusEvent<HTMLSelectElement>) => {
          if (focusStaysInCell(e)) return
          focus.onBlur()
          setMine(undefined)
        }}
        onChange={(e) => {
          const result = onCommit(e.target.value)
          setError(result.ok ? null : result.error)
          if (result.ok) setMine(e.target.value === '' ? null : e.target.value)
        }}
      >
        {(value === null || emptyLabel) && <option value="">{emptyLabel ?? '—'}</option>}
        {!known && <option value={value ?? ''}>{value}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
      <CellEditorsMark editors={editors} />
      {changedByOthers && (
        <CellConflict who={lastEditors} theirs={labelOf(value)} takeLabel="OK" keepLabel={`Put back ${labelOf(mine ?? null)}`}
          onTake={() => setMine(value)}
          onKeep={() => {
            const result = onCommit(mine ?? '')
            setError(result.ok ? null : result.error)
            setMine(result.ok ? mine : value)
          }} />
      )}
      {error && <span className="cell-error" id={errorId} role="alert" data-testid="field-error">{error}</span>}
    </div>
  )
}
