// Risk & incident log.
// Layout: Y.Map('risks') id → Y.Map{ title, kind, pillar, severity, likelihood, owner, status,
//   mitigation, openedOn, closedOn, order }
import type * as Y from 'yjs'
import { dayNumber } from './calendar'
import { dateField, enumField, intField, LIMITS, liveTextSpec, spec } from './fields'
import type { AddResult, FieldValues, WriteResult } from './fields'
import { PILLARS } from './pillars'
import { cachedRows } from './row-cache'
import { addRow, moveRow, readRows, removeRow, rowsOf, rowText, updateRow } from './rows'
import type { Row, RowLayout } from './rows'
import type { RootTypes } from './root-types'

export const RISK_KINDS = ['risk', 'incident'] as const
export type RiskKind = (typeof RISK_KINDS)[number]
export const RISK_STATUSES = ['open', 'mitigating', 'closed'] as const
export type RiskStatus = (typeof RISK_STATUSES)[number]
export const roots: RootTypes = { risks: 'map' }

const riskFields = {
  title: liveTextSpec('Title', LIMITS.title),
  kind: spec(enumField('Kind', RISK_KINDS), 'risk'),
  pillar: spec(enumField('Pillar', PILLARS).nullable(), null),
  // null (unknown) rather than a guess, so a damaged score never lands on the heat map.
  severity: spec(intField('Severity', 1, 5).nullable(), null),
  likelihood: spec(intField('Likelihood', 1, 5).nullable(), null),
  owner: liveTextSpec('Owner', LIMITS.name),
  status: spec(enumField('Status', RISK_STATUSES), 'open'),
  mitigation: liveTextSpec('Mitigation', LIMITS.note),
  openedOn: spec(dateField('Opened on').nullable(), null),
  closedOn: spec(dateField('Closed on').nullable(), null),
}
const layout: RowLayout<typeof riskFields> = { root: 'risks', fields: riskFields, richText: [] }

export type RiskFields = FieldValues<typeof riskFields>
export type RiskField = keyof RiskFields
export type RiskTextField = 'title' | 'owner' | 'mitigation'
export type Risk = Row<typeof riskFields>
export interface Risks {
  risks: Risk[]
}
export interface RisksProjection extends Risks {
  kind: 'risks'
}

function checkDates(values: RiskFields, changed: string[]): WriteResult {
  const touched = changed.includes('openedOn') || changed.includes('closedOn')
  if (touched && values.openedOn && values.closedOn && dayNumber(values.closedOn) < dayNumber(values.openedOn)) {
    return { ok: false, field: 'closedOn', error: 'Closed on cannot be before opened on' }
  }
  return { ok: true }
}

export function readRisks(doc: Y.Doc): Risks {
  return { risks: readRows(doc, layout) }
}

/** readRisks for a live page: rows re-parsed only when their own row changed (row-cache.ts). */
export function readRisksLive(doc: Y.Doc): Risks {
  return { risks: cachedRows(doc, layout) }
}

export function addRisk(doc: Y.Doc, init: Partial<RiskFields> = {}, afterId?: string | null): AddResult {
  const defaults = Object.fromEntries(Object.entries(riskFields).map(([k, f]) => [k, f.fallback])) as RiskFields
  defaults.severity = 3
  defaults.likelihood = 3
  return addRow(doc, layout, defaults, init, checkDates, afterId)
}

export function updateRisk(doc: Y.Doc, id: string, patch: Partial<RiskFields>): WriteResult {
  return updateRow(doc, layout, id, patch, checkDates)
}

export function setRiskField<F extends RiskField>(doc: Y.Doc, id: string, field: F, value: RiskFields[F]): WriteResult {
  return updateRisk(doc, id, { [field]: value } as Partial<RiskFields>)
}

/** The Y.Text behind a risk's text cell (see rowText). */
export function riskText(doc: Y.Doc, id: string, field: RiskTextField, opts: { writable?: boolean } = {}): Y.Text | null {
  return rowText(doc, layout, id, field, opts.writable ?? false)
}

export function removeRisk(doc: Y.Doc, id: string): boolean {
  return removeRow(doc, layout, id)
}

export function moveRisk(doc: Y.Doc, id: string, afterId: string | null): WriteResult {
  return moveRow(doc, layout, id, afterId)
}

export function project(doc: Y.Doc): RisksProjection {
  return { kind: 'risks', ...readRisks(doc) }
}

/** A new log is simply empty. */
export function template(doc: Y.Doc): void {
  rowsOf(doc, layout)
}
