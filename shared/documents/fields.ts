// Field schemas (zod) shared by every kind, and the one rule for reading them:
// a missing value reads as the field's fallback; a value of the wrong shape reads as the
// fallback too, and the field name is flagged in `invalid`, so a hostile client can make a
// field look empty but can never make a reader throw.
import * as Y from 'yjs'
import { z } from 'zod'
import { isRealDate, isRealMonth } from './calendar'

export type WriteResult = { ok: true } | { ok: false; error: string; field?: string }
export type AddResult = { ok: true; id: string } | { ok: false; error: string; field?: string }

export const LIMITS = { title: 200, name: 120, note: 2000, riskNote: 280, label: 40 } as const
/** Above this a cost is a typo, not a budget. */
const MAX_AMOUNT = 1e12

export const textField = (label: string, max: number) =>
  z.string({ error: `${label} must be text` }).max(max, `${label} must be at most ${max} characters`)

export const amountField = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .nonnegative(`${label} cannot be negative`)
    .max(MAX_AMOUNT, `${label} is too large`)

export const intField = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be at least ${min}`)
    .max(max, `${label} must be at most ${max}`)

export const dateField = (label: string) =>
  z.string({ error: `${label} must be a date` }).refine(isRealDate, `${label} must be a real date (YYYY-MM-DD)`)

export const monthField = (label: string) =>
  z.string({ error: `${label} must be a month` }).refine(isRealMonth, `${label} must be a real month (YYYY-MM)`)

export const enumField = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: `${label} must be one of: ${values.join(', ')}` })

export interface FieldSpec<S extends z.ZodType = z.ZodType> {
  schema: S
  fallback: z.output<S>
  /** Stored as a Y.Text (typing merges character by character); `max` caps what readers return. */
  liveText?: { max: number }
}
export type FieldSpecs = Record<string, FieldSpec>
export type FieldValues<S extends FieldSpecs> = { -readonly [K in keyof S]: z.output<S[K]['schema']> }

export function spec<S extends z.ZodType>(schema: S, fallback: z.output<S>): FieldSpec<S> {
  return { schema, fallback }
}

/**
 * A text cell held as a Y.Text, so two people typing in it both keep their words. Writers still
 * take a plain string (validated like `textField`); documents from before hold plain strings,
 * which read as before.
 */
export function liveTextSpec(label: string, max: number): FieldSpec<ReturnType<typeof textField>> {
  return { schema: textField(label, max), fallback: '', liveText: { max } }
}

/** A live text cell's value; a rich-text (Xml) node or an unreadable one is no cell text. */
function readLiveText(raw: Y.Text, max: number): string | undefined {
  if (raw instanceof Y.XmlText) return undefined
  try {
    // Concurrent typing can pass the limit a writer enforces; read the start rather than nothing.
    return raw.toString().slice(0, max)
  } catch {
    return undefined
  }
}

/** Reads every field of `specs` through `get`; never throws. */
export function readFields<S extends FieldSpecs>(
  get: (key: string) => unknown,
  specs: S,
): { values: FieldValues<S>; invalid: string[] } {
  const values = {} as Record<string, unknown>
  const invalid: string[] = []
  for (const key of Object.keys(specs)) {
    const raw = get(key)
    if (raw === undefined) {
      values[key] = specs[key].fallback
      continue
    }
    const live = specs[key].liveText
    const text = live && raw instanceof Y.Text ? readLiveText(raw, live.max) : undefined
    if (text !== undefined) {
      values[key] = text
      continue
    }
    const parsed = specs[key].schema.safeParse(raw)
    if (parsed.success) values[key] = parsed.data
    else {
      values[key] = specs[key].fallback
      invalid.push(key)
    }
  }
  return { values: values as FieldValues<S>, invalid }
}

export type FieldCheck = { ok: true; value: unknown } | { ok: false; error: string; field: string }

/** Validates one value for a writer; unknown field names are refused, not ignored. */
export function validateField(specs: FieldSpecs, field: string, value: unknown): FieldCheck {
  if (!Object.hasOwn(specs, field)) return { ok: false, error: `Unknown field "${field}"`, field }
  const parsed = specs[field].schema.safeParse(value)
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, error: parsed.error.issues[0]?.message ?? `Invalid ${field}`, field }
}
