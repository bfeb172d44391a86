// Roadmap document: initiatives on a rolling 12-month window.
// Layout: Y.Map('initiatives') id → Y.Map{ title, pillar, startMonth, endMonth, status,
//   oneOffCost, runRateCost, capacity, risk, riskNote, owner, order, description: Y.XmlFragment }
//   Y.Map('meta') { windowStart: 'YYYY-MM', currency: 'USD' }
import type * as Y from 'yjs'
import { addMonths, isRealMonth, monthNumber, toIsoMonth } from './calendar'
import { currencyCode, DEFAULT_CURRENCY } from './currency'
import { amountField, enumField, LIMITS, liveTextSpec, monthField, readFields, spec, validateField } from './fields'
import type { AddResult, FieldValues, WriteResult } from './fields'
import { PILLARS } from './pillars'
import { richTextIn, richTextToPlain } from './rich-text'
import { addRow, moveRow, readRows, removeRow, rowsOf, rowText, updateRow } from './rows'
import { cachedRows } from './row-cache'
import type { Row, RowLayout } from './rows'
import type { RootTypes } from './root-types'
import { monthOffset, windowEnd } from './roadmap-window'

export const INITIATIVE_STATUSES = ['proposed', 'planned', 'in-progress', 'done', 'cut'] as const
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number]
export const RISK_LEVELS = ['low', 'medium', 'high'] as const
export type RiskLevel = (typeof RISK_LEVELS)[number]
export { DEFAULT_CURRENCY }
export const roots: RootTypes = { initiatives: 'map', meta: 'map' }

const initiativeFields = {
  title: liveTextSpec('Title', LIMITS.title),
  pillar: spec(enumField('Pillar', PILLARS).nullable(), null),
  startMonth: spec(monthField('Start month').nullable(), null),
  endMonth: spec(monthField('End month').nullable(), null),
  status: spec(enumField('Status', INITIATIVE_STATUSES), 'proposed'),
  oneOffCost: spec(amountField('One-off cost'), 0),
  runRateCost: spec(amountField('Run-rate cost'), 0),
  capacity: spec(amountField('Capacity'), 0),
  risk: spec(enumField('Risk', RISK_LEVELS), 'low'),
  riskNote: liveTextSpec('Risk note', LIMITS.riskNote),
  owner: liveTextSpec('Owner', LIMITS.name),
}
const layout: RowLayout<typeof initiativeFields> = {
  root: 'initiatives',
  fields: initiativeFields,
  richText: ['description'],
}

const metaFields = {
  windowStart: spec(monthField('Window start').nullable(), null),
  currency: spec(currencyCode, DEFAULT_CURRENCY),
}

export type InitiativeFields = FieldValues<typeof initiativeFields>
export type InitiativeField = keyof InitiativeFields
export type InitiativeTextField = 'title' | 'owner' | 'riskNote'
export type Initiative = Row<typeof initiativeFields>
export interface Roadmap {
  windowStart: string
  currency: string
  /** Meta fields that were damaged. */
  invalid: string[]
  initiatives: Initiative[]
}
export type InitiativeProjection = Initiative & { description: string }
export interface RoadmapProjection extends Omit<Roadmap, 'initiatives'> {
  kind: 'roadmap'
  initiatives: InitiativeProjection[]
}

function readMeta(doc: Y.Doc) {
  const meta = doc.getMap<unknown>('meta')
  return readFields((key) => meta.get(key), metaFields)
}

export function readRoadmap(doc: Y.Doc): Roadmap {
  return roadmapWith(doc, readRows(doc, layout))
}

/** readRoadmap for a live page: rows re-parsed only when their own row changed (row-cache.ts). */
export function readRoadmapLive(doc: Y.Doc): Roadmap {
  return roadmapWith(doc, cachedRows(doc, layout))
}

function roadmapWith(doc: Y.Doc, initiatives: Initiative[]): Roadmap {
  const { values, invalid } = readMeta(doc)
  // Without a stored window (a damaged document), start at the earliest work, else this month
  // (worked out only then: a live page reads the roadmap on every change).
  const earliest = () => initiatives.map((i) => i.startMonth).filter((m): m is string => m !== null).sort()[0]
  const windowStart = values.windowStart ?? earliest() ?? toIsoMonth(new Date())
  return { windowStart, currency: values.currency, invalid, initiatives }
}

/** Months must lie in the window when they are being set, and end must not precede start. */
function checkMonths(windowStart: string | null) {
  return (values: InitiativeFields, changed: string[]): WriteResult => {
    const { startMonth, endMonth } = values
    for (const field of ['startMonth', 'endMonth'] as const) {
      const month = values[field]
      if (!changed.includes(field) || month === null || windowStart === null) continue
      if (monthOffset(windowStart, month) === null) {
        return { ok: false, field, error: `Months must be between ${windowStart} and ${windowEnd(windowStart)}` }
      }
    }
    const touched = changed.includes('startMonth') || changed.includes('endMonth')
    if (touched && startMonth && endMonth && monthNumber(endMonth) < monthNumber(startMonth)) {
      return { ok: false, field: 'endMonth', error: 'End month cannot be before the start month' }
    }
    return { ok: true }
  }
}

function currentWindow(doc: Y.Doc): string | null {
  return readMeta(doc).values.windowStart
}

export function addInitiative(doc: Y.Doc, init: Partial<InitiativeFields> = {}, afterId?: string | null): AddResult {
  const start = currentWindow(doc) ?? toIsoMonth(new Date())
  const defaults: InitiativeFields = {
    ...Object.fromEntries(Object.entries(initiativeFields).map(([k, f]) => [k, f.fallback])),
    pillar: 'product',
    startMonth: start,
    endMonth: addMonths(start, 2),
  } as InitiativeFields
  return addRow(doc, layout, defaults, init, checkMonths(currentWindow(doc)), afterId)
}

export function setInitiativeField<F extends InitiativeField>(
  doc: Y.Doc,
  id: string,
  field: F,
  value: InitiativeFields[F],
): WriteResult {
  return updateInitiative(doc, id, { [field]: value } as Partial<InitiativeFields>)
}

/** Several fields in one transaction, e.g. start and end month together. */
export function updateInitiative(doc: Y.Doc, id: string, patch: Partial<InitiativeFields>): WriteResult {
  return updateRow(doc, layout, id, patch, checkMonths(currentWindow(doc)))
}

/** The Y.Text behind an initiative's text cell (see rowText). */
export function initiativeText(doc: Y.Doc, id: string, field: InitiativeTextField, opts: { writable?: boolean } = {}): Y.Text | null {
  return rowText(doc, layout, id, field, opts.writable ?? false)
}

export function removeInitiative(doc: Y.Doc, id: string): boolean {
  return removeRow(doc, layout, id)
}

export function moveInitiative(doc: Y.Doc, id: string, afterId: string | null): WriteResult {
  return moveRow(doc, layout, id, afterId)
}

export function getInitiativeDescription(doc: Y.Doc, id: string, opts: { writable?: boolean } = {}): Y.XmlFragment | null {
  return richTextIn(rowsOf(doc, layout), id, 'description', opts.writable ?? false)
}

export function setRoadmapMeta(doc: Y.Doc, field: 'windowStart' | 'currency', value: string): WriteResult {
  const check = validateField(metaFields, field, value)
  if (!check.ok) return check
  if (field === 'windowStart' && !isRealMonth(value)) return { ok: false, field, error: 'Window start is required' }
  doc.transact(() => doc.getMap<unknown>('meta').set(field, check.value))
  return { ok: true }
}

export function project(doc: Y.Doc): RoadmapProjection {
  const roadmap = readRoadmap(doc)
  return {
    kind: 'roadmap',
    ...roadmap,
    initiatives: roadmap.initiatives.map((i) => ({
      ...i,
      description: richTextToPlain(getInitiativeDescription(doc, i.id)),
    })),
  }
}

export interface RoadmapTemplateOptions {
  today?: Date
  windowStart?: string
  currency?: string
}

/** A new roadmap: the window starts this month; no initiatives yet. Leaves existing settings alone. */
export function template(doc: Y.Doc, opts: RoadmapTemplateOptions = {}): void {
  const meta = doc.getMap<unknown>('meta')
  doc.transact(() => {
    const start = opts.windowStart && isRealMonth(opts.windowStart) ? opts.windowStart : toIsoMonth(opts.today ?? new Date())
    const currency = opts.currency && metaFields.currency.schema.safeParse(opts.currency).success ? opts.currency : DEFAULT_CURRENCY
    if (!meta.has('windowStart')) meta.set('windowStart', start)
    if (!meta.has('currency')) meta.set('currency', currency)
    rowsOf(doc, layout)
  })
}
