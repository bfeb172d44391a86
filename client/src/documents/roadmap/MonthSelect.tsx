// A month within the roadmap's twelve-month window (a stored month outside it is still shown).
import type { WriteResult } from '../../../../shared/documents/fields'
import type { CellRef } from '../../sync/cell-presence'
import { CellSelect } from '../common/CellSelect'
import { monthLabel } from '../common/format'

interface Props {
  value: string | null
  months: string[]
  label: string
  readOnly: boolean
  cell?: CellRef
  onCommit: (month: string | null) => WriteResult
}

function shortLabel(month: string): string {
  const [name, year] = monthLabel(month).split(' ')
  return `${name} ’${year.slice(2)}`
}

export function MonthSelect({ value, months, label, readOnly, cell, onCommit }: Props) {
  const options = months.map((m) => ({ value: m, label: shortLabel(m) }))
  if (value && !months.includes(value)) options.unshift({ value, label: shortLabel(value) })
  return (
    <CellSelect value={value} options={options} label={label} readOnly={readOnly} cell={cell} emptyLabel={value === null ? '—' : undefined}
      onCommit={(v) => onCommit(v === '' ? null : v)} />
  )
}
