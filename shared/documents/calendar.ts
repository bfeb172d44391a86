// Calendar arithmetic on plain 'YYYY-MM-DD' and 'YYYY-MM' strings.
// Days are counted in UTC so a day is always 24h; `today` (a Date) is read in local time,
// because "today" means the calendar day the user is living in.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH_RE = /^(\d{4})-(\d{2})$/
const MS_PER_DAY = 86_400_000

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** True for a real calendar date, e.g. rejects 2026-02-30. */
export function isRealDate(value: string): boolean {
  const m = DATE_RE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

export function isRealMonth(value: string): boolean {
  const m = MONTH_RE.exec(value)
  return !!m && Number(m[1]) >= 1 && Number(m[2]) >= 1 && Number(m[2]) <= 12
}

/** Whole days since 1970-01-01 for a valid 'YYYY-MM-DD'. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY)
}

export function dateFromDayNumber(day: number): string {
  const t = new Date(day * MS_PER_DAY)
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
}

export function addDays(date: string, days: number): string {
  return dateFromDayNumber(dayNumber(date) + days)
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

/** The local calendar day of a Date, as 'YYYY-MM-DD'. */
export function toIsoDate(when: Date): string {
  return `${pad(when.getFullYear(), 4)}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`
}

export function toIsoMonth(when: Date): string {
  return toIsoDate(when).slice(0, 7)
}

/** Months since year 0 for a valid 'YYYY-MM'; makes month ranges simple integer ranges. */
export function monthNumber(month: string): number {
  const [y, m] = month.split('-').map(Number)
  return y * 12 + (m - 1)
}

export function monthFromNumber(n: number): string {
  return `${pad(Math.floor(n / 12), 4)}-${pad((n % 12) + 1)}`
}

export function addMonths(month: string, count: number): string {
  return monthFromNumber(monthNumber(month) + count)
}

/** "Today" as a Date (its local calendar day) or already as 'YYYY-MM-DD'. */
export type Day = Date | string

export function asIsoDate(day: Day): string {
  return typeof day === 'string' ? day : toIsoDate(day)
}
