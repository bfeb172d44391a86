// A month within the roadmap's twelve-month window (a stored month outside it is still shown).
import type { WriteResult } from '../../../../shared/documents/fields'
import type { CellRef } from '../../sync/cell-presence'
import { CellSelect } from '../common/CellSelect'
import { monthOptions, shortMonthLabel } from './month-options'

interface Props {
  value: string | null
  months: readonly string[]
  label: string
  readOnly: boolean
  cell?: CellRef
  onCommit: (month: string | null) => WriteResult
}

export function MonthSelect({ value, months, label, readOnly, cell, onCommit }: Props) {
  const inWindow = monthOptions(months)
  const options = value && !months.includes(value) ? [{ value, label: shortMonthLabel(value) }, ...inWindow] : inWindow
  return (
    <CellSelect value={value} options={options} label={label} readOnly={readOnly} cell={cell} emptyLabel={value === null ? '—' : undefined}
      onCommit={(v) => onCommit(v === '' ? null : v)} />
  )
}
