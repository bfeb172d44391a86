// Vendor & platform register.
// Layout: Y.Map('vendors') id → Y.Map{ name, category, annualValue, renewalDate, noticeDays,
//   owner, assessment, order, history: Y.Array<{ id, date, author, note }> (append-only) }
//   Y.Map('meta') { currency: 'USD' } (annual values are in it)
import * as Y from 'yjs'
import { z } from 'zod'
import { currencyCode, DEFAULT_CURRENCY } from './currency'
import { amountField, dateField, enumField, intField, LIMITS, liveTextSpec, readFields, spec, textField, validateField } from './fields'
import type { AddResult, FieldValues, WriteResult } from './fields'
import { newId } from './ids'
import { cachedRows } from './row-cache'
import { addRow, findRow, moveRow, readRows, removeRow, rowsOf, rowText, updateRow } from './rows'
import type { Row, RowLayout } from './rows'
import type { RootTypes } from './root-types'

export const ASSESSMENTS = ['keep', 'review', 'replace'] as const
export type Assessment = (typeof ASSESSMENTS)[number]
export const roots: RootTypes = { vendors: 'map', meta: 'map' }
/** Ten years: longer notice periods are typos. */
const MAX_NOTICE_DAYS = 3650

const vendorFields = {
  name: liveTextSpec('Name', LIMITS.name),
  category: liveTextSpec('Category', LIMITS.name),
  annualValue: spec(amountField('Annual value'), 0),
  renewalDate: spec(dateField('Renewal date').nullable(), null),
  noticeDays: spec(intField('Notice period (days)', 0, MAX_NOTICE_DAYS), 0),
  owner: liveTextSpec('Owner', LIMITS.name),
  assessment: spec(enumField('Assessment', ASSESSMENTS), 'keep'),
}
const layout: RowLayout<typeof vendorFields> = { root: 'vendors', fields: vendorFields, richText: [], lists: ['history'] }

const metaFields = {
  currency: spec(currencyCode, DEFAULT_CURRENCY),
}

const historyFields = {
  id: spec(z.string().min(1).max(64), ''),
  date: spec(dateField('Date').nullable(), null),
  author: spec(textField('Author', LIMITS.name), ''),
  note: spec(textField('Note', LIMITS.note), ''),
}
const historyInput = z.object({
  date: historyFields.date.schema.unwrap(),
  author: historyFields.author.schema,
  note: historyFields.note.schema.min(1, 'Note cannot be empty'),
})

export type VendorFields = FieldValues<typeof vendorFields>
export type VendorField = keyof VendorFields
export type VendorTextField = 'name' | 'category' | 'owner'
export interface HistoryEntry {
  id: string
  date: string | null
  author: string
  note: string
  /** Damaged entry fields ('entry' when the entry is not an object). */
  invalid: string[]
}
export type Vendor = Row<typeof vendorFields> & { history: HistoryEntry[] }
export interface Vendors {
  /** ISO 4217 code of the annual values. */
  currency: string
  vendors: Vendor[]
}
export interface VendorsProjection extends Vendors {
  kind: 'vendors'
}

function readHistory(raw: unknown): HistoryEntry[] {
  if (!(raw instanceof Y.Map)) return []
  const list = raw.get('history')
  if (!(list instanceof Y.Array)) return []
  return list.toArray().map((entry, index) => {
    const isObject = typeof entry === 'object' && entry !== null && !Array.isArray(entry) && !(entry instanceof Y.AbstractType)
    const get = (key: string) => (isObject && Object.hasOwn(entry, key) ? (entry as Record<string, unknown>)[key] : undefined)
    const { values, invalid } = readFields(get, historyFields)
    return { ...values, id: values.id || `entry-${index}`, invalid: isObject ? invalid : ['entry'] }
  })
}

export function readVendors(doc: Y.Doc): Vendors {
  const rows = rowsOf(doc, layout)
  const meta = doc.getMap<unknown>('meta')
  const { currency } = readFields((key) => meta.get(key), metaFields).values
  return { currency, vendors: readRows(doc, layout).map((v) => ({ ...v, history: readHistory(rows.get(v.id)) })) }
}

const withHistory = new WeakMap<Row<typeof vendorFields>, Vendor>()

/**
 * readVendors for a live page: rows re-parsed only when their own row or its history changed
 * (row-cache.ts), and the same vendor objects while nothing in them changed.
 */
export function readVendorsLive(doc: Y.Doc): Vendors {
  const rows = rowsOf(doc, layout)
  const meta = doc.getMap<unknown>('meta')
  const { currency } = readFields((key) => meta.get(key), metaFields).values
  const vendors = cachedRows(doc, layout).map((row) => {
    let vendor = withHistory.get(row)
    if (!vendor) withHistory.set(row, (vendor = { ...row, history: readHistory(rows.get(row.id)) }))
    return vendor
  })
  return { currency, vendors }
}

/** The currency of every annual value in the register. */
export function setVendorsCurrency(doc: Y.Doc, currency: string): WriteResult {
  const check = validateField(metaFields, 'currency', currency)
  if (!check.ok) return check
  doc.transact(() => doc.getMap<unknown>('meta').set('currency', check.value))
  return { ok: true }
}

export function addVendor(doc: Y.Doc, init: Partial<VendorFields> = {}, afterId?: string | null): AddResult {
  const defaults = Object.fromEntries(Object.entries(vendorFields).map(([k, f]) => [k, f.fallback])) as VendorFields
  return addRow(doc, layout, defaults, init, null, afterId)
}

export function updateVendor(doc: Y.Doc, id: string, patch: Partial<VendorFields>): WriteResult {
  return updateRow(doc, layout, id, patch, null)
}

export function setVendorField<F extends VendorField>(doc: Y.Doc, id: string, field: F, value: VendorFields[F]): WriteResult {
  return updateVendor(doc, id, { [field]: value } as Partial<VendorFields>)
}

/** The Y.Text behind a vendor's text cell (see rowText). */
export function vendorText(doc: Y.Doc, id: string, field: VendorTextField, opts: { writable?: boolean } = {}): Y.Text | null {
  return rowText(doc, layout, id, field, opts.writable ?? false)
}

export function removeVendor(doc: Y.Doc, id: string): boolean {
  return removeRow(doc, layout, id)
}

export function moveVendor(doc: Y.Doc, id: string, afterId: string | null): WriteResult {
  return moveRow(doc, layout, id, afterId)
}

/** Appends to the vendor's history; entries are never edited or removed. */
export function addVendorHistory(
  doc: Y.Doc,
  vendorId: string,
  entry: { date: string; author: string; note: string },
): AddResult {
  const found = findRow(doc, layout, vendorId)
  if (!found.ok) return found
  const parsed = historyInput.safeParse(entry)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, error: issue?.message ?? 'Invalid entry', field: String(issue?.path[0] ?? '') }
  }
  const id = newId()
  doc.transact(() => {
    let list = found.row.get('history')
    // Rows are created with their list; this only repairs an old or damaged row.
    if (!(list instanceof Y.Array)) {
      list = new Y.Array<unknown>()
      found.row.set('history', list)
    }
    ;(list as Y.Array<unknown>).push([{ id, ...parsed.data }])
  })
  return { ok: true, id }
}

export function project(doc: Y.Doc): VendorsProjection {
  return { kind: 'vendors', ...readVendors(doc) }
}

/** A new register is empty, its values in `currency` (the workspace's roadmap's, say) or USD. */
export function template(doc: Y.Doc, opts: { currency?: string } = {}): void {
  const meta = doc.getMap<unknown>('meta')
  doc.transact(() => {
    if (!meta.has('currency')) meta.set('currency', opts.currency && currencyCode.safeParse(opts.currency).success ? opts.currency : DEFAULT_CURRENCY)
    rowsOf(doc, layout)
  })
}
