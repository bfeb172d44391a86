// The one quarter rule: quarters are three-month blocks of the workspace's fiscal year, which starts
// in `fyStartMonth` (1 = January, the default: calendar quarters, "Q3 2026"). A fiscal year that
// starts in another month is named after the calendar year it ends in ("Q1 FY2027" = Apr–Jun 2026
// when it starts in April). Moments are placed by their UTC calendar date (see dates.ts).
import { utcDate } from './dates'

export const DEFAULT_FY_START_MONTH = 1
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const

export interface FiscalQuarter {
  /** 1–4 */
  quarter: number
  /** The calendar year the fiscal year ends in (the calendar year itself when it starts in January). */
  fiscalYear: number
  label: string
}

export function isFyStartMonth(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 12
}

/** The fiscal quarter of a 'YYYY-MM' month, a 'YYYY-MM-DD' date or a moment. */
export function fiscalQuarter(when: string | number | Date, fyStartMonth = DEFAULT_FY_START_MONTH): FiscalQuarter {
  const start = isFyStartMonth(fyStartMonth) ? fyStartMonth : DEFAULT_FY_START_MONTH
  const iso = typeof when === 'string' && /^\d{4}-\d{2}/.test(when) ? when : utcDate(typeof when === 'string' ? Date.parse(when) : when)
  const year = Number(iso.slice(0, 4))
  const month = Number(iso.slice(5, 7))
  const offset = (month - start + 12) % 12
  const quarter = Math.floor(offset / 3) + 1
  const fiscalYear = start === 1 ? year : month >= start ? year + 1 : year
  const label = start === 1 ? `Q${quarter} ${year}` : `Q${quarter} FY${fiscalYear}`
  return { quarter, fiscalYear, label }
}

export function quarterLabel(when: string | number | Date, fyStartMonth = DEFAULT_FY_START_MONTH): string {
  return fiscalQuarter(when, fyStartMonth).label
}

/** Said next to totals: "FY quarters start in April" (or "Calendar quarters"). */
export function fiscalYearNote(fyStartMonth = DEFAULT_FY_START_MONTH): string {
  return isFyStartMonth(fyStartMonth) && fyStartMonth !== 1 ? `FY quarters start in ${MONTH_NAMES[fyStartMonth - 1]}` : 'Calendar quarters (FY starts in January)'
}

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? ''
}
