// The currency a document's amounts are in, as the last headline figure: a select of ISO codes
// (the name on hover) for those who may write, the code otherwise. Codes only, so it stays as
// narrow as the other figures.
import { useMemo } from 'react'

/** Listed first; every other ISO 4217 code the browser knows follows. */
const COMMON = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'JPY', 'SGD', 'INR', 'ZAR']

/** Every code with its name, built once: the figure re-renders on every edit to the document. */
let choices: { code: string; name: string }[] | null = null
function allChoices(): { code: string; name: string }[] {
  if (choices) return choices
  let codes: string[] = []
  try {
    codes = Intl.supportedValuesOf('currency')
  } catch { /* an older browser: the common codes only */ }
  const names = new Intl.DisplayNames(undefined, { type: 'currency' })
  choices = [...COMMON, ...codes.filter((c) => !COMMON.includes(c))].map((code) => ({ code, name: nameOf(names, code) }))
  return choices
}

function nameOf(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code
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
    const listed = allChoices()
    return listed.some((c) => c.code === value) ? listed : [{ code: value, name: value }, ...listed]
  }, [value])
  return (
    <label className="figure currency-setting" title={options.find((c) => c.code === value)?.name}>
      <span className="figure-label">Currency</span>
      {readOnly ? (
        <span className="figure-value" data-testid={testId}>{value}</span>
      ) : (
        <select className="currency-select" value={value} data-testid={testId} aria-label="Currency of amounts" onChange={(e) => onChange(e.target.value)}>
          {options.map(({ code, name }) => <option key={code} value={code} title={name}>{code}</option>)}
        </select>
      )}
    </label>
  )
}
