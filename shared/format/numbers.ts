// The one way Quorum writes money and person-weeks: the roadmap, the summary, compare and the board
// pack all go through these, so one figure reads the same wherever it is shown.

export type MoneyScale = 'units' | 'thousands' | 'millions'
const SCALE: Record<MoneyScale, { divisor: number; suffix: string; digits: number }> = {
  units: { divisor: 1, suffix: '', digits: 0 },
  thousands: { divisor: 1_000, suffix: 'k', digits: 0 },
  millions: { divisor: 1_000_000, suffix: 'm', digits: 2 },
}

const formats = new Map<string, (n: number) => string>()

function currencyFormat(currency: string, digits: number, signed: boolean): (n: number) => string {
  const key = `${currency}:${digits}:${signed}`
  let format = formats.get(key)
  if (!format) {
    try {
      const intl = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: 0, maximumFractionDigits: digits, signDisplay: signed ? 'exceptZero' : 'auto' })
      format = (n) => intl.format(n)
    } catch {
      // Not an ISO 4217 code Intl knows: the figure and the code.
      const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, signDisplay: signed ? 'exceptZero' : 'auto' })
      format = (n) => `${intl.format(n)} ${currency}`
    }
    formats.set(key, format)
  }
  return format
}

/** Whole units of the currency with separators: '$1,245,000'; signed: '+$5,000' / '−$5,000'. */
export function formatMoney(amount: number, currency: string, opts: { signed?: boolean } = {}): string {
  const n = Number.isFinite(amount) ? Math.round(amount) : 0
  return currencyFormat(currency, 0, opts.signed ?? false)(n)
}

/** For tables that must fit: '$1,245k', '$1.25m'; '—' for nothing. */
export function moneyFormatter(currency: string, scale: MoneyScale = 'units'): (amount: number) => string {
  const { divisor, suffix, digits } = SCALE[scale]
  const format = currencyFormat(currency, digits, false)
  return (amount) => (Math.round(amount) === 0 ? '—' : `${format(Math.round(amount) / divisor)}${suffix}`)
}

/** '$1.2M', '$450k': for tight spaces (bars, tiles, deltas); the exact figure goes in a title. */
export function formatMoneyCompact(amount: number, currency: string, opts: { signed?: boolean } = {}): string {
  const n = Number.isFinite(amount) ? amount : 0
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1, signDisplay: opts.signed ? 'exceptZero' : 'auto' }).format(n)
  } catch {
    return formatMoney(n, currency, opts)
  }
}

const weeksFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })
const signedWeeksFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, signDisplay: 'exceptZero' })

/** Person-weeks, one decimal at most: '177.5'. Capacity is spread over months, so totals have fractions. */
export function formatCapacity(weeks: number, opts: { signed?: boolean } = {}): string {
  const n = Number.isFinite(weeks) ? weeks : 0
  return (opts.signed ? signedWeeksFormat : weeksFormat).format(n)
}
