// Rows of two projections matched by id: added, removed, and changed field by field.
import { textDiff } from './text-diff'
import type { TextOp } from './text-diff'

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
  /** Word diff, for rich-text fields. */
  diff?: TextOp[]
}

export interface RowChange<R> {
  id: string
  /** What to call the row (its title or name, as of after). */
  label: string
  before: R
  after: R
  fields: FieldChange[]
}

export interface RowsDiff<R> {
  added: R[]
  removed: R[]
  changed: RowChange<R>[]
}

export interface RowDiffOptions<R> {
  label: (row: R) => string
  /** Rich-text fields (plain text in projections) that get a word diff. */
  textFields?: readonly string[]
}

/** Bookkeeping that is not content: position and damage flags. */
const NOT_CONTENT = new Set(['id', 'order', 'invalid'])

/** The rows of a stored projection, tolerating a malformed one (old or damaged JSON). */
export function rowsIn<R extends { id: string }>(projection: unknown, key: string): R[] {
  if (typeof projection !== 'object' || projection === null) return []
  const rows = (projection as Record<string, unknown>)[key]
  if (!Array.isArray(rows)) return []
  return rows.filter((r): r is R => typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string')
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

export function fieldChanges(before: object, after: object, textFields: readonly string[] = []): FieldChange[] {
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => !NOT_CONTENT.has(f))
  const changes: FieldChange[] = []
  for (const field of fields) {
    if (sameValue(a[field], b[field])) continue
    const change: FieldChange = { field, before: a[field] ?? null, after: b[field] ?? null }
    if (textFields.includes(field)) {
      change.diff = textDiff(typeof a[field] === 'string' ? a[field] : '', typeof b[field] === 'string' ? b[field] : '')
    }
    changes.push(change)
  }
  return changes
}

export function diffRows<R extends { id: string }>(before: R[], after: R[], opts: RowDiffOptions<R>): RowsDiff<R> {
  const beforeById = new Map(before.map((r) => [r.id, r]))
  const afterIds = new Set(after.map((r) => r.id))
  const result: RowsDiff<R> = { added: [], removed: before.filter((r) => !afterIds.has(r.id)), changed: [] }
  for (const row of after) {
    const old = beforeById.get(row.id)
    if (!old) {
      result.added.push(row)
      continue
    }
    const fields = fieldChanges(old, row, opts.textFields)
    if (fields.length > 0) result.changed.push({ id: row.id, label: opts.label(row), before: old, after: row, fields })
  }
  return result
}
