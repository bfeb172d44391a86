// Month options for the start/end selects, built once per window: formatting a month label
// (date-fns) for every row's two selects on every render was ~11% of the page's script at 500 rows.
import { monthLabel } from '../common/format'

export interface MonthOption {
  value: string
  label: string
}

const labels = new Map<string, string>()
const optionsByWindow = new WeakMap<readonly string[], readonly MonthOption[]>()

/** '2026-03' → 'Mar ’26', cached: the same few dozen months recur on every row. */
export function shortMonthLabel(month: string): string {
  let label = labels.get(month)
  if (label === undefined) {
    const [name, year = ''] = monthLabel(month).split(' ')
    label = `${name} ’${year.slice(2)}`
    labels.set(month, label)
  }
  return label
}

/** One options array per window's month list (the table memoises that list per window start). */
export function monthOptions(months: readonly string[]): readonly MonthOption[] {
  let options = optionsByWindow.get(months)
  if (!options) {
    options = months.map((m) => ({ value: m, label: shortMonthLabel(m) }))
    optionsByWindow.set(months, options)
  }
  return options
}
