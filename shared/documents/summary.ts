// Quarterly board summary: a rich-text body plus the documents its live blocks show.
// Layout: XmlFragment('body'); Y.Map('meta') { quarterLabel, briefId, roadmapId, risksId }
import type * as Y from 'yjs'
import { z } from 'zod'
import { LIMITS, readFields, spec, textField, validateField } from './fields'
import type { WriteResult } from './fields'
import type { RootTypes } from './root-types'
import { appendBlocks, getBodyFragment, richTextToPlain } from './rich-text'
import { quarterLabel } from '../format/quarters'
import { toIsoDate } from './calendar'

const documentId = (label: string) =>
  z.string({ error: `${label} must be a document id` }).regex(/^[A-Za-z0-9_-]{1,64}$/, `${label} must be a document id`)

const metaFields = {
  quarterLabel: spec(textField('Quarter', LIMITS.label), ''),
  briefId: spec(documentId('Brief').nullable(), null),
  roadmapId: spec(documentId('Roadmap').nullable(), null),
  risksId: spec(documentId('Risk log').nullable(), null),
}
export type SummaryMetaField = keyof typeof metaFields
export const roots: RootTypes = { body: 'xmlFragment', meta: 'map' }

export interface SummarySources {
  briefId: string | null
  roadmapId: string | null
  risksId: string | null
}
export interface Summary {
  quarterLabel: string
  sources: SummarySources
  /** Damaged meta fields. */
  invalid: string[]
}
export interface SummaryProjection extends Summary {
  kind: 'summary'
  body: string
}

export function readSummary(doc: Y.Doc): Summary {
  const meta = doc.getMap<unknown>('meta')
  const { values, invalid } = readFields((key) => meta.get(key), metaFields)
  const { quarterLabel, ...sources } = values
  return { quarterLabel, sources, invalid }
}

/** null clears a source. */
export function setSummaryMeta(doc: Y.Doc, field: SummaryMetaField, value: string | null): WriteResult {
  const check = validateField(metaFields, field, value)
  if (!check.ok) return check
  const meta = doc.getMap<unknown>('meta')
  doc.transact(() => (check.value === null ? meta.delete(field) : meta.set(field, check.value)))
  return { ok: true }
}

export function getSummaryBody(doc: Y.Doc): Y.XmlFragment {
  return getBodyFragment(doc)
}

export function projectSummary(doc: Y.Doc): SummaryProjection {
  return { kind: 'summary', ...readSummary(doc), body: richTextToPlain(getBodyFragment(doc)) }
}
export const project = projectSummary

/** Calendar quarter of a day, e.g. 'Q3 2026'. */
export function quarterLabelOf(day: Date): string {
  // The one quarter rule (shared/format/quarters.ts), for the reader's calendar day.
  return quarterLabel(toIsoDate(day))
}

export interface SummaryTemplateOptions {
  today?: Date
  quarterLabel?: string
  sources?: Partial<SummarySources>
}

/** The usual board-summary outline; an existing body or label is left alone. */
export function template(doc: Y.Doc, opts: SummaryTemplateOptions = {}): void {
  const meta = doc.getMap<unknown>('meta')
  const body = getBodyFragment(doc)
  doc.transact(() => {
    if (!meta.has('quarterLabel')) {
      const label = opts.quarterLabel ?? quarterLabelOf(opts.today ?? new Date())
      if (validateField(metaFields, 'quarterLabel', label).ok) meta.set('quarterLabel', label)
    }
    for (const [field, id] of Object.entries(opts.sources ?? {})) {
      if (id && !meta.has(field) && validateField(metaFields, field, id).ok) meta.set(field, id)
    }
    if (body.length > 0) return
    appendBlocks(body, [
      { type: 'heading', level: 1, text: 'Quarterly summary' },
      { type: 'heading', level: 2, text: 'Headlines' },
      { type: 'paragraph', text: '' },
      { type: 'heading', level: 2, text: 'Pillar status' },
      { type: 'paragraph', text: '' },
      { type: 'heading', level: 2, text: 'Roadmap and spend' },
      { type: 'paragraph', text: '' },
      { type: 'heading', level: 2, text: 'Risks and incidents' },
      { type: 'paragraph', text: '' },
      { type: 'heading', level: 2, text: 'Asks of the board' },
      { type: 'paragraph', text: '' },
    ])
  })
}
