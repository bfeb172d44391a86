// How the board pack writes months, days, money and labels; shared by the Markdown and PDF renderers.
// Days are written in UTC: the server has no reader's time zone, and the same meeting must give the same pack.
import { dateLabel } from '../../shared/format/dates'
import { formatCapacity as formatSharedCapacity } from '../../shared/format/numbers'

// Months, days and money are written the one way the app writes them (shared/format/*).
export { monthShort as monthName, monthLabel as monthYear, periodLabel, dateLabel as dayLabel, dateTimeLabel as dayTimeLabel, moneyFormatter, type MoneyScale } from '../../shared/format'

/** '2026-06-01' → '1 Jun 2026'; anything else as it is. */
export function shortDay(date: string | null): string {
  return date ? dateLabel(date) || date : ''
}

/** Person-weeks as everywhere else (shared/format/numbers.ts); '—' for none. */
export function formatCapacity(weeks: number): string {
  return Math.round(weeks * 10) === 0 ? '—' : formatSharedCapacity(weeks)
}

/** 'in-progress' → 'In progress'. */
export function humanize(value: string): string {
  const text = value.replace(/-/g, ' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A file name part: 'Q3 2026' → 'q3-2026'. */
export function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '')
}
