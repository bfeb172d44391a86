// Registry of document kinds: what the server needs without knowing any layout.
import type * as Y from 'yjs'
import type { DocumentKind } from '../document-kinds'
import * as brief from './brief'
import * as decisions from './decisions'
import * as notes from './notes'
import type { ProjectionByKind } from './projections'
import type { RootTypes } from './root-types'
import * as risks from './risks'
import * as roadmap from './roadmap'
import * as summary from './summary'
import * as vendors from './vendors'

export type { DocumentProjection, ProjectionByKind } from './projections'
export type { RootType, RootTypes } from './root-types'
export { compareProjections } from './compare'
export type { Comparison, ComparisonByKind } from './compare'

/** Options any template may use; each kind takes what it needs. */
export interface TemplateOptions {
  today?: Date
  /** Roadmap: first month of the rolling window ('YYYY-MM'). */
  windowStart?: string
  /** Roadmap and vendor register: ISO 4217 code of their amounts. */
  currency?: string
  /** Summary: e.g. 'Q3 2026'. */
  quarterLabel?: string
  /** Summary: documents shown in live blocks. */
  sources?: summary.SummaryTemplateOptions['sources']
}

export interface DocumentKindModule<K extends DocumentKind> {
  /** Root types by name (e.g. for restoring a version root by root). */
  roots: RootTypes
  template: (doc: Y.Doc, opts?: TemplateOptions) => void
  project: (doc: Y.Doc) => ProjectionByKind[K]
}

export const documentKindModules: { [K in DocumentKind]: DocumentKindModule<K> } = {
  roadmap: { roots: roadmap.roots, template: roadmap.template, project: roadmap.project },
  brief: { roots: brief.roots, template: brief.template, project: brief.project },
  vendors: { roots: vendors.roots, template: vendors.template, project: vendors.project },
  decisions: { roots: decisions.roots, template: decisions.template, project: decisions.project },
  risks: { roots: risks.roots, template: risks.template, project: risks.project },
  summary: { roots: summary.roots, template: summary.template, project: summary.project },
  notes: { roots: notes.roots, template: notes.template, project: notes.project },
}

export function projectDocument<K extends DocumentKind>(kind: K, doc: Y.Doc): ProjectionByKind[K] {
  return documentKindModules[kind].project(doc)
}

export function applyTemplate(kind: DocumentKind, doc: Y.Doc, opts: TemplateOptions = {}): void {
  documentKindModules[kind].template(doc, opts)
}
