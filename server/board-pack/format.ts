// How the board pack writes months, days, money and labels; shared by the Markdown and PDF renderers.
// Days are written in UTC: the server has no reader's time zone, and the same meeting must give the same pack.
import { isRealMonth } from '../../shared/documents/calendar'
import { formatCapacity as formatSharedCapacity } from '../../shared/format/numbers'

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** 'Jul' for '2026-07'; '?' for a month that is not one. */
export function monthName(month: string): string {
  return isRealMonth(month) ? MONTH_NAMES[Number(month.slice(5, 7)) - 1] : '?'
}

export function monthYear(month: string): string {
  return isRealMonth(month) ? `${monthName(month)} ${month.slice(0, 4)}` : month
}

/** 'Jul–Nov 2026', 'Nov 2026–Jan 2027', 'Jul 2026'. */
export function periodLabel(start: string, end: string): string {
  if (start === end) return monthYear(start)
  if (start.slice(0, 4) === end.slice(0, 4)) return `${monthName(start)}–${monthYear(end)}`
  return `${monthYear(start)}–${monthYear(end)}`
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** '15 September 2026' */
export function dayLabel(t: number): string {
  return dayFormat.format(new Date(t))
}

/** '15 September 2026, 11:02 UTC' */
export function dayTimeLabel(t: number): string {
  return `${dayLabel(t)}, ${timeFormat.format(new Date(t))} UTC`
}

/** '2026-06-01' → '1 Jun 2026'; anything else as it is. */
export function shortDay(date: string | null): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null
  if (!m) return date ?? ''
  return `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1] ?? '?'} ${m[1]}`
}

export type MoneyScale = 'units' | 'thousands' | 'millions'
const SCALE: Record<MoneyScale, { divisor: number; suffix: string; digits: number }> = {
  units: { divisor: 1, suffix: '', digits: 0 },
  thousands: { divisor: 1_000, suffix: 'k', digits: 0 },
  millions: { divisor: 1_000_000, suffix: 'm', digits: 2 },
}

/** Whole units of the currency with separators, '—' for nothing: '$1,245,000' (or '$1,245k', '$1.25m'). */
export function moneyFormatter(currency: string, scale: MoneyScale = 'units'): (amount: number) => string {
  const { divisor, suffix, digits } = SCALE[scale]
  let format: (n: number) => string
  try {
    const intl = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: 0, maximumFractionDigits: digits })
    format = (n) => intl.format(n)
  } catch {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits })
    format = (n) => `${intl.format(n)} ${currency}`
  }
  return (amount) => (Math.round(amount) === 0 ? '—' : `${format(Math.round(amount) / divisor)}${suffix}`)
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
