// Decision queue.
// Layout: Y.Map('decisions') id → Y.Map{ question, options, owner, dueDate, status, outcome,
//   decidedOn, createdOn, order, context: Y.XmlFragment }
import type * as Y from 'yjs'
import { toIsoDate } from './calendar'
import { dateField, enumField, LIMITS, liveTextSpec, spec } from './fields'
import type { AddResult, FieldValues, WriteResult } from './fields'
import { richTextIn, richTextToPlain } from './rich-text'
import { cachedRows } from './row-cache'
import { addRow, moveRow, readRows, removeRow, rowsOf, rowText, updateRow } from './rows'
import type { Row, RowLayout } from './rows'
import type { RootTypes } from './root-types'

export const DECISION_STATUSES = ['open', 'decided', 'deferred'] as const
export type DecisionStatus = (typeof DECISION_STATUSES)[number]
export const roots: RootTypes = { decisions: 'map' }

const decisionFields = {
  question: liveTextSpec('Question', LIMITS.title),
  options: liveTextSpec('Options', LIMITS.note),
  owner: liveTextSpec('Owner', LIMITS.name),
  dueDate: spec(dateField('Due date').nullable(), null),
  status: spec(enumField('Status', DECISION_STATUSES), 'open'),
  outcome: liveTextSpec('Outcome', LIMITS.note),
  decidedOn: spec(dateField('Decided on').nullable(), null),
  createdOn: spec(dateField('Created on').nullable(), null),
}
const layout: RowLayout<typeof decisionFields> = { root: 'decisions', fields: decisionFields, richText: ['context'] }

export type DecisionFields = FieldValues<typeof decisionFields>
export type DecisionField = keyof DecisionFields
export type DecisionTextField = 'question' | 'options' | 'owner' | 'outcome'
export type Decision = Row<typeof decisionFields>
export interface Decisions {
  decisions: Decision[]
}
export type DecisionProjection = Decision & { context: string }
export interface DecisionsProjection {
  kind: 'decisions'
  decisions: DecisionProjection[]
}

export function readDecisions(doc: Y.Doc): Decisions {
  return { decisions: readRows(doc, layout) }
}

/** readDecisions for a live page: rows re-parsed only when their own row changed (row-cache.ts). */
export function readDecisionsLive(doc: Y.Doc): Decisions {
  return { decisions: cachedRows(doc, layout) }
}

/** createdOn defaults to the local calendar day now. */
export function addDecision(doc: Y.Doc, init: Partial<DecisionFields> = {}, afterId?: string | null): AddResult {
  const defaults = Object.fromEntries(Object.entries(decisionFields).map(([k, f]) => [k, f.fallback])) as DecisionFields
  defaults.createdOn = toIsoDate(new Date())
  return addRow(doc, layout, defaults, init, null, afterId)
}

export function updateDecision(doc: Y.Doc, id: string, patch: Partial<DecisionFields>): WriteResult {
  return updateRow(doc, layout, id, patch, null)
}

export function setDecisionField<F extends DecisionField>(doc: Y.Doc, id: string, field: F, value: DecisionFields[F]): WriteResult {
  return updateDecision(doc, id, { [field]: value } as Partial<DecisionFields>)
}

/** The Y.Text behind a decision's text cell (see rowText). */
export function decisionText(doc: Y.Doc, id: string, field: DecisionTextField, opts: { writable?: boolean } = {}): Y.Text | null {
  return rowText(doc, layout, id, field, opts.writable ?? false)
}

export function removeDecision(doc: Y.Doc, id: string): boolean {
  return removeRow(doc, layout, id)
}

export function moveDecision(doc: Y.Doc, id: string, afterId: string | null): WriteResult {
  return moveRow(doc, layout, id, afterId)
}

export function getDecisionContext(doc: Y.Doc, id: string, opts: { writable?: boolean } = {}): Y.XmlFragment | null {
  return richTextIn(rowsOf(doc, layout), id, 'context', opts.writable ?? false)
}

export function project(doc: Y.Doc): DecisionsProjection {
  return {
    kind: 'decisions',
    decisions: readRows(doc, layout).map((d) => ({ ...d, context: richTextToPlain(getDecisionContext(doc, d.id)) })),
  }
}

/** A new queue is simply empty. */
export function template(doc: Y.Doc): void {
  rowsOf(doc, layout)
}
