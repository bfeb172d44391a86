// Display formatting for board documents: money in the document's currency, plain figures,
// months and dates, through the shared formats so a figure reads the same in the app, compare and the pack.
import { formatMoney as sharedFormatMoney, formatMoneyCompact as sharedFormatMoneyCompact } from '../../../../shared/format/numbers'

/** Whole units of the document's currency: the app's one money format (shared/format/numbers.ts). */
export function formatMoney(value: number, currency: string): string {
  return sharedFormatMoney(value, currency)
}

/** "$1.2M", "$450k": for tight spaces (bars, tiles); the exact figure goes in a title. */
export function formatMoneyCompact(value: number, currency: string): string {
  return sharedFormatMoneyCompact(value, currency)
}

const plain = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 })
export function formatFigure(value: number): string {
  return plain.format(Number.isFinite(value) ? value : 0)
}

/** '2026-03' → 'Mar 2026'; '2026-03' → 'Mar'; '2026-03-01' → '1 Mar 2026': one date format (shared/format/dates.ts). */
export { dateLabel, monthLabel, monthShort } from '../../../../shared/format/dates'

/** 'today', 'yesterday', '12 days ago', 'in 3 days'. */
export function relativeDays(days: number): string {
  if (days === 0) return 'today'
  if (days === 1) return 'yesterday'
  if (days === -1) return 'tomorrow'
  return days > 0 ? `${days} days ago` : `in ${-days} days`
}
