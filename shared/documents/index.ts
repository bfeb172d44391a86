// Registry of document kinds: what the server needs without knowing any layout.
import type * as Y from 'yjs'
import type { DocumentKind } from '../document-kinds'
import * as brief from './brief'
import * as decisions from './decisions'
import * as notes from './notes'
import type { ProjectionByKind } from './projections'
import * as risks from './risks'
import * as roadmap from './roadmap'
import * as summary from './summary'
import * as vendors from './vendors'

export type { DocumentProjection, ProjectionByKind } from './projections'
export { compareProjections } from './compare'
export type { Comparison, ComparisonByKind } from './compare'

/** Options any template may use; each kind takes what it needs. */
export interface TemplateOptions {
  today?: Date
  /** Roadmap: first month of the rolling window ('YYYY-MM'). */
  windowStart?: string
  /** Roadmap: ISO 4217 code. */
  currency?: string
  /** Summary: e.g. 'Q3 2026'. */
  quarterLabel?: string
  /** Summary: documents shown in live blocks. */
  sources?: summary.SummaryTemplateOptions['sources']
}

export interface DocumentKindModule<K extends DocumentKind> {
  template: (doc: Y.Doc, opts?: TemplateOptions) => void
  project: (doc: Y.Doc) => ProjectionByKind[K]
}

export const documentKindModules: { [K in DocumentKind]: DocumentKindModule<K> } = {
  roadmap: { template: roadmap.template, project: roadmap.project },
  brief: { template: brief.template, project: brief.project },
  vendors: { template: vendors.template, project: vendors.project },
  decisions: { template: decisions.template, project: decisions.project },
  risks: { template: risks.template, project: risks.project },
  summary: { template: summary.template, project: summary.project },
  notes: { template: notes.template, project: notes.project },
}

export function projectDocument<K extends DocumentKind>(kind: K, doc: Y.Doc): ProjectionByKind[K] {
  return documentKindModules[kind].project(doc)
}

export function applyTemplate(kind: DocumentKind, doc: Y.Doc, opts: TemplateOptions = {}): void {
  documentKindModules[kind].template(doc, opts)
}
