// A select that writes on change; a refusal snaps back to the stored value with the message below.
import { useId, useState } from 'react'
import type { WriteResult } from '../../../../shared/documents/fields'

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
  readOnly?: boolean
  /** Label of the empty option (offered only when the value may be empty). */
  emptyLabel?: string
  className?: string
  testId?: string
}

export function CellSelect({ value, options, onCommit, label, readOnly = false, emptyLabel, className = '', testId }: CellSelectProps) {
  const [error, setError] = useState<string | null>(null)
  const errorId = useId()
  const known = value === null || options.some((o) => o.value === value)

  if (readOnly) {
    const text = options.find((o) => o.value === value)?.label ?? value ?? emptyLabel ?? '—'
    return <span className={`cell-static ${className}`} data-testid={testId} data-value={value ?? ''}>{text}</span>
  }

  return (
    <div className={`cell-field ${error ? 'has-error' : ''}`}>
      <select
        className={`cell-select ${className}`}
        value={value ?? ''}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={testId}
        onChange={(e) => {
          const result = onCommit(e.target.value)
          setError(result.ok ? null : result.error)
        }}
      >
        {(value === null || emptyLabel) && <option value="">{emptyLabel ?? '—'}</option>}
        {!known && <option value={value ?? ''}>{value}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
      {error && <span className="cell-error" id={errorId} role="alert" data-testid="field-error">{error}</span>}
    </div>
  )
}
