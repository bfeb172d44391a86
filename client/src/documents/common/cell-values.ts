// Turning what people type into the values the shared writers validate. Parsing is lenient about
// formatting ("180,000", "$1.2m", "45k") and strict about meaning: anything else becomes NaN so
// the writer refuses it with its own message, shown next to the field.

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 }

/** Empty → `empty`; otherwise a number (NaN when it is not one). */
export function parseNumberInput<E extends number | null>(text: string, empty: E): number | E {
  const cleaned = text.trim().toLowerCase().replace(/[\s,_]/g, '').replace(/^[^\d.+-]+/, '')
  if (text.trim() === '') return empty
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+))([kmb]?)$/.exec(cleaned)
  if (!match) return Number.NaN
  return Number(match[1]) * (match[2] ? SUFFIX[match[2]] : 1)
}

/** Empty → null (clears a date); anything else is passed on for the writer to check. */
export function parseDateInput(text: string): string | null {
  return text.trim() === '' ? null : text.trim()
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: true })

/** How a stored figure reads inside an input: grouped, no currency symbol. */
export function amountInputText(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : grouped.format(value)
}
