// Display formatting for board documents: money in the document's currency, plain figures,
// months and dates. Figures are whole units; the browser's locale decides separators.
import { format } from 'date-fns'

const moneyFormats = new Map<string, Intl.NumberFormat>()

function moneyFormat(currency: string): Intl.NumberFormat {
  let formatter = moneyFormats.get(currency)
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 })
    } catch {
      formatter = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })
    }
    moneyFormats.set(currency, formatter)
  }
  return formatter
}

export function formatMoney(value: number, currency: string): string {
  return moneyFormat(currency).format(Number.isFinite(value) ? value : 0)
}

/** "$1.2M", "$450k": for tight spaces (bars, tiles); the exact figure goes in a title. */
export function formatMoneyCompact(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(value)
  } catch {
    return formatMoney(value, currency)
  }
}

const plain = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 })
export function formatFigure(value: number): string {
  return plain.format(Number.isFinite(value) ? value : 0)
}

function localDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number)
  return new Date(y, (m || 1) - 1, d || 1)
}

/** '2026-03' → 'Mar 2026'. */
export function monthLabel(month: string): string {
  return format(localDate(month), 'MMM yyyy')
}

/** '2026-03' → 'Mar'. */
export function monthShort(month: string): string {
  return format(localDate(month), 'MMM')
}

/** '2026-03-01' → '1 Mar 2026'; '' for null. */
export function dateLabel(date: string | null): string {
  return date ? format(localDate(date), 'd MMM yyyy') : ''
}

/** 'today', 'yesterday', '12 days ago', 'in 3 days'. */
export function relativeDays(days: number): string {
  if (days === 0) return 'today'
  if (days === 1) return 'yesterday'
  if (days === -1) return 'tomorrow'
  return days > 0 ? `${days} days ago` : `in ${-days} days`
}
