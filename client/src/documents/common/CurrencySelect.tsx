// The currency a document's amounts are in, as the last headline figure: a select of ISO codes
// (the name on hover) for those who may write, the code otherwise. Codes only, so it stays as
// narrow as the other figures.
import { useMemo } from 'react'

/** Listed first; every other ISO 4217 code the browser knows follows. */
const COMMON = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'JPY', 'SGD', 'INR', 'ZAR']

function allCodes(): string[] {
  try {
    return Intl.supportedValuesOf('currency')
  } catch {
    return []
  }
}

function currencyName(code: string): string {
  try {
    return new Intl.DisplayNames(undefined, { type: 'currency' }).of(code) ?? code
  } catch {
    return code
  }
}

interface Props {
  value: string
  readOnly: boolean
  onChange(code: string): void
  testId: string
}

export function CurrencySelect({ value, readOnly, onChange, testId }: Props) {
  const options = useMemo(() => {
    const rest = allCodes().filter((c) => !COMMON.includes(c))
    const listed = [...COMMON, ...rest]
    return listed.includes(value) ? listed : [value, ...listed]
  }, [value])
  return (
    <label className="figure currency-setting" title={currencyName(value)}>
      <span className="figure-label">Currency</span>
      {readOnly ? (
        <span className="figure-value" data-testid={testId}>{value}</span>
      ) : (
        <select className="currency-select" value={value} data-testid={testId} aria-label="Currency of amounts" onChange={(e) => onChange(e.target.value)}>
          {options.map((code) => (
            <option key={code} value={code} title={currencyName(code)}>{code}</option>
          ))}
        </select>
      )}
    </label>
  )
}
