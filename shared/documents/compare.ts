// Comparison of two stored projections of one document (a version against another, or
// against `live`). Pure: projections in, a description of the change out.
// `before` may be null (no earlier version: everything reads as added).
import type { DocumentKind } from '../document-kinds'
import { compareBrief } from './compare-brief'
import type { BriefComparison } from './compare-brief'
import { compareRoadmap } from './compare-roadmap'
import type { RoadmapComparison } from './compare-roadmap'
import { diffRows, fieldChanges, rowsIn } from './compare-rows'
import type { FieldChange, RowsDiff } from './compare-rows'
import type { DecisionProjection } from './decisions'
import type { ProjectionByKind } from './projections'
import type { Risk } from './risks'
import type { SummaryProjection } from './summary'
import { compareText } from './text-diff'
import type { TextComparison } from './text-diff'
import type { Vendor } from './vendors'

export interface VendorsComparison {
  kind: 'vendors'
  currency: { before: string | null; after: string | null }
  vendors: RowsDiff<Vendor>
}
export interface DecisionsComparison {
  kind: 'decisions'
  decisions: RowsDiff<DecisionProjection>
}
export interface RisksComparison {
  kind: 'risks'
  risks: RowsDiff<Risk>
}
export interface SummaryComparison {
  kind: 'summary'
  /** Quarter label and live-block sources. */
  fields: FieldChange[]
  body: TextComparison
}
export interface NotesComparison {
  kind: 'notes'
  body: TextComparison
}

export interface ComparisonByKind {
  roadmap: RoadmapComparison
  brief: BriefComparison
  vendors: VendorsComparison
  decisions: DecisionsComparison
  risks: RisksComparison
  summary: SummaryComparison
  notes: NotesComparison
}
export type Comparison = ComparisonByKind[DocumentKind]

/** What a comparison needs from the workspace: the fiscal-year start its quarters count from. */
export interface CompareOptions { fyStartMonth?: number }

type Comparer<K extends DocumentKind> = (before: ProjectionByKind[K] | null, after: ProjectionByKind[K] | null, opts: CompareOptions) => ComparisonByKind[K]

/** A stored projection is JSON that may predate a field: only a string counts. */
const codeOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null)

function summaryFields(p: SummaryProjection | null) {
  return { quarterLabel: p?.quarterLabel ?? null, ...(p?.sources ?? {}) }
}

const comparers: { [K in DocumentKind]: Comparer<K> } = {
  roadmap: (before, after, opts) => compareRoadmap(before, after, opts.fyStartMonth),
  brief: compareBrief,
  vendors: (before, after) => ({
    kind: 'vendors',
    currency: { before: codeOrNull(before?.currency), after: codeOrNull(after?.currency) },
    vendors: diffRows(rowsIn<Vendor>(before, 'vendors'), rowsIn<Vendor>(after, 'vendors'), { label: (r) => r.name }),
  }),
  decisions: (before, after) => ({
    kind: 'decisions',
    decisions: diffRows(rowsIn<DecisionProjection>(before, 'decisions'), rowsIn<DecisionProjection>(after, 'decisions'), {
      label: (r) => r.question,
      textFields: ['context'],
    }),
  }),
  risks: (before, after) => ({
    kind: 'risks',
    risks: diffRows(rowsIn<Risk>(before, 'risks'), rowsIn<Risk>(after, 'risks'), { label: (r) => r.title }),
  }),
  summary: (before, after) => ({
    kind: 'summary',
    fields: fieldChanges(summaryFields(before), summaryFields(after)),
    body: compareText(before?.body, after?.body),
  }),
  notes: (before, after) => ({ kind: 'notes', body: compareText(before?.body, after?.body) }),
}

export function compareProjections<K extends DocumentKind>(
  kind: K,
  before: ProjectionByKind[K] | null,
  after: ProjectionByKind[K] | null,
  opts: CompareOptions = {},
): ComparisonByKind[K] {
  const compare = comparers[kind] as Comparer<K>
  return compare(before, after, opts)
}
