// The row layout every table-like kind shares: a root Y.Map keyed by a stable random id, each
// row a nested Y.Map of fields (so edits to different fields of one row merge), ordered by a
// fractional `order` field with ties broken by id.
import * as Y from 'yjs'
import { z } from 'zod'
import { readFields, validateField } from './fields'
import type { AddResult, FieldSpecs, FieldValues, WriteResult } from './fields'
import { newId } from './ids'
import { isRichText } from './rich-text'
import { replaceText } from './text-change'

export interface RowLayout<S extends FieldSpecs> {
  /** Name of the root Y.Map holding the rows. */
  root: string
  fields: S
  /** Fields holding a Y.XmlFragment, created with the row. */
  richText: readonly string[]
  /** Fields holding an append-only Y.Array, created with the row. */
  lists?: readonly string[]
}

export interface RowBase {
  id: string
  /** null when missing or damaged; such rows sort last. */
  order: number | null
  /** Fields whose stored value had the wrong shape ('row' when the row itself is not a Y.Map). */
  invalid: string[]
}
export type Row<S extends FieldSpecs> = RowBase & FieldValues<S>

/** Cross-field rule run on the merged row before a write; `changed` lists the fields being written. */
export type RowCheck<S extends FieldSpecs> = (values: FieldValues<S>, changed: string[]) => WriteResult

const orderSchema = z.number()

export function rowsOf(doc: Y.Doc, layout: RowLayout<FieldSpecs>): Y.Map<unknown> {
  return doc.getMap<unknown>(layout.root)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Y.AbstractType) &&
    !ArrayBuffer.isView(value)
  )
}

/** A damaged row (plain object, number, …) is still read, as far as it can be, and flagged. */
export function readRow<S extends FieldSpecs>(layout: RowLayout<S>, id: string, raw: unknown): Row<S> {
  let get: (key: string) => unknown = () => undefined
  const damaged = !(raw instanceof Y.Map)
  if (raw instanceof Y.Map) get = (key) => raw.get(key)
  else if (isPlainObject(raw)) get = (key) => (Object.hasOwn(raw, key) ? raw[key] : undefined)

  const { values, invalid } = readFields(get, layout.fields)
  const rawOrder = get('order')
  const parsedOrder = orderSchema.safeParse(rawOrder)
  if (rawOrder !== undefined && !parsedOrder.success) invalid.push('order')
  for (const field of layout.richText) {
    const value = get(field)
    if (value !== undefined && !isRichText(value)) invalid.push(field)
  }
  for (const field of layout.lists ?? []) {
    const value = get(field)
    if (value !== undefined && !(value instanceof Y.Array)) invalid.push(field)
  }
  if (damaged) invalid.unshift('row')
  return { id, order: parsedOrder.success ? parsedOrder.data : null, ...values, invalid }
}

export function compareRowOrder(a: RowBase, b: RowBase): number {
  if (a.order !== b.order) {
    if (a.order === null) return 1
    if (b.order === null) return -1
    return a.order - b.order
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export function readRows<S extends FieldSpecs>(doc: Y.Doc, layout: RowLayout<S>): Row<S>[] {
  const rows: Row<S>[] = []
  rowsOf(doc, layout).forEach((raw, id) => rows.push(readRow(layout, id, raw)))
  return rows.sort(compareRowOrder)
}

/**
 * An order strictly between two neighbours (null = no neighbour on that side). Halving leaves
 * room for about 50 inserts at one spot before two orders tie; a tie still sorts
 * deterministically (by id) on every replica.
 */
export function orderBetween(before: number | null, after: number | null): number {
  if (before === null && after === null) return 1
  if (before === null) return (after as number) - 1
  if (after === null) return before + 1
  return (before + after) / 2
}

/** Order for a row placed after `afterId` (null = first, undefined = last). */
function orderAfter(doc: Y.Doc, layout: RowLayout<FieldSpecs>, afterId: string | null | undefined, skipId?: string): number {
  const rows = readRows(doc, layout).filter((r) => r.id !== skipId && r.order !== null)
  if (afterId === undefined) return orderBetween(rows.at(-1)?.order ?? null, null)
  if (afterId === null) return orderBetween(null, rows[0]?.order ?? null)
  const index = rows.findIndex((r) => r.id === afterId)
  if (index === -1) return orderBetween(rows.at(-1)?.order ?? null, null)
  return orderBetween(rows[index].order, rows[index + 1]?.order ?? null)
}

type Lookup = { ok: true; row: Y.Map<unknown> } | { ok: false; error: string }

export function findRow(doc: Y.Doc, layout: RowLayout<FieldSpecs>, id: string): Lookup {
  const rows = rowsOf(doc, layout)
  if (!rows.has(id)) return { ok: false, error: 'This item no longer exists' }
  const row = rows.get(id)
  if (!(row instanceof Y.Map)) return { ok: false, error: 'This item is damaged and cannot be edited; remove it instead' }
  return { ok: true, row }
}

type PatchCheck = { ok: true; values: Record<string, unknown> } | { ok: false; error: string; field: string }

function validatePatch(specs: FieldSpecs, patch: Record<string, unknown>): PatchCheck {
  const values: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue
    const check = validateField(specs, field, value)
    if (!check.ok) return check
    values[field] = check.value
  }
  return { ok: true, values }
}

const isCellText = (value: unknown): value is Y.Text => value instanceof Y.Text && !(value instanceof Y.XmlText)

/**
 * Writes validated fields; null clears a field; unchanged values are not rewritten. A live text
 * field is edited in place with the smallest change, so someone typing in it keeps their characters.
 */
export function writeFields(row: Y.Map<unknown>, specs: FieldSpecs, values: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(values)) {
    const current = row.get(field)
    if (value === null) {
      if (row.has(field)) row.delete(field)
    } else if (specs[field]?.liveText && typeof value === 'string') {
      if (isCellText(current)) replaceText(current, value)
      else row.set(field, new Y.Text(value))
    } else if (current !== value) row.set(field, value)
  }
}

/**
 * Gives live text fields a Y.Text in place of a legacy string (or a missing or damaged value), so
 * the people who type in the cell next all share one. Converting the same cell twice at once would
 * leave two texts and keep one, so new rows get theirs when they are created.
 */
export function ensureLiveTexts(row: Y.Map<unknown>, specs: FieldSpecs, only?: string): void {
  for (const [field, spec] of Object.entries(specs)) {
    if (!spec.liveText || (only !== undefined && field !== only)) continue
    const current = row.get(field)
    if (isCellText(current)) continue
    row.set(field, new Y.Text(typeof current === 'string' ? current.slice(0, spec.liveText.max) : ''))
  }
}

/**
 * The Y.Text behind a live text cell, for an input bound to it. `writable` converts a legacy value
 * first; null when the row is missing or damaged, the field is not live text, or (read-only) the
 * cell still holds a plain string.
 */
export function rowText(doc: Y.Doc, layout: RowLayout<FieldSpecs>, id: string, field: string, writable: boolean): Y.Text | null {
  if (!Object.hasOwn(layout.fields, field) || !layout.fields[field].liveText) return null
  const row = rowsOf(doc, layout).get(id)
  if (!(row instanceof Y.Map)) return null
  const current = row.get(field)
  if (isCellText(current)) return current
  if (!writable) return null
  doc.transact(() => ensureLiveTexts(row, layout.fields, field))
  return row.get(field) as Y.Text
}

export function addRow<S extends FieldSpecs>(
  doc: Y.Doc,
  layout: RowLayout<S>,
  defaults: FieldValues<S>,
  init: Partial<FieldValues<S>>,
  check: RowCheck<S> | null,
  afterId?: string | null,
): AddResult {
  const patch = validatePatch(layout.fields, init)
  if (!patch.ok) return patch
  const values = { ...defaults, ...patch.values } as FieldValues<S>
  const rule = check?.(values, Object.keys(layout.fields))
  if (rule && !rule.ok) return rule
  const id = newId()
  doc.transact(() => {
    const row = new Y.Map<unknown>()
    rowsOf(doc, layout).set(id, row)
    writeFields(row, layout.fields, values)
    row.set('order', orderAfter(doc, layout, afterId, id))
    for (const field of layout.richText) row.set(field, new Y.XmlFragment())
    for (const field of layout.lists ?? []) row.set(field, new Y.Array())
  })
  return { ok: true, id }
}

export function updateRow<S extends FieldSpecs>(
  doc: Y.Doc,
  layout: RowLayout<S>,
  id: string,
  patch: Partial<FieldValues<S>>,
  check: RowCheck<S> | null,
): WriteResult {
  const found = findRow(doc, layout, id)
  if (!found.ok) return found
  const validated = validatePatch(layout.fields, patch)
  if (!validated.ok) return validated
  const current = readRow(layout, id, found.row)
  const rule = check?.({ ...current, ...validated.values } as FieldValues<S>, Object.keys(validated.values))
  if (rule && !rule.ok) return rule
  doc.transact(() => writeFields(found.row, layout.fields, validated.values))
  return { ok: true }
}

export function removeRow(doc: Y.Doc, layout: RowLayout<FieldSpecs>, id: string): boolean {
  const rows = rowsOf(doc, layout)
  if (!rows.has(id)) return false
  doc.transact(() => rows.delete(id))
  return true
}

/** Moves one row after `afterId` (null = to the top) by rewriting only its own order. */
export function moveRow(doc: Y.Doc, layout: RowLayout<FieldSpecs>, id: string, afterId: string | null): WriteResult {
  const found = findRow(doc, layout, id)
  if (!found.ok) return found
  if (afterId === id) return { ok: true }
  const order = orderAfter(doc, layout, afterId, id)
  doc.transact(() => found.row.set('order', order))
  return { ok: true }
}
