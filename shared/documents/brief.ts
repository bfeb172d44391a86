// Pillar brief: one fixed section per pillar, always all eight, in pillar order.
// Layout: Y.Map('pillars') pillarKey → Y.Map{ status, trend, owner, reviewedOn, narrative: Y.XmlFragment }
// Sections are never deleted or renamed: writers only set fields (creating or repairing a
// section when needed); readers always return the eight, a missing/damaged one as defaults
// flagged 'section'.
import * as Y from 'yjs'
import { dateField, enumField, LIMITS, liveTextSpec, spec, validateField } from './fields'
import type { FieldValues, WriteResult } from './fields'
import { isPillarKey, PILLAR_LABELS, PILLARS } from './pillars'
import type { PillarKey } from './pillars'
import { richTextIn, richTextToPlain } from './rich-text'
import { ensureLiveTexts, readRow, rowText, updateRow, writeFields } from './rows'
import type { RowLayout } from './rows'
import type { RootTypes } from './root-types'

export const BRIEF_STATUSES = ['on-track', 'watch', 'at-risk'] as const
export type BriefStatus = (typeof BRIEF_STATUSES)[number]
export const BRIEF_TRENDS = ['improving', 'steady', 'declining'] as const
export type BriefTrend = (typeof BRIEF_TRENDS)[number]
export const roots: RootTypes = { pillars: 'map' }

const sectionFields = {
  status: spec(enumField('Status', BRIEF_STATUSES), 'on-track'),
  trend: spec(enumField('Trend', BRIEF_TRENDS), 'steady'),
  owner: liveTextSpec('Owner', LIMITS.name),
  reviewedOn: spec(dateField('Reviewed on').nullable(), null),
}
const layout: RowLayout<typeof sectionFields> = { root: 'pillars', fields: sectionFields, richText: ['narrative'] }

export type BriefSectionFields = FieldValues<typeof sectionFields>
export type BriefSectionField = keyof BriefSectionFields
export interface BriefSection extends BriefSectionFields {
  pillar: PillarKey
  label: string
  /** Damaged fields; 'section' when the section is missing or not a map. */
  invalid: string[]
}
export interface Brief {
  sections: BriefSection[]
}
export type BriefSectionProjection = BriefSection & { narrative: string }
export interface BriefProjection {
  kind: 'brief'
  sections: BriefSectionProjection[]
}

function sections(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(layout.root)
}

export function readBrief(doc: Y.Doc): Brief {
  const map = sections(doc)
  return {
    sections: PILLARS.map((pillar) => {
      const raw = map.get(pillar)
      const { id: _id, order: _order, invalid, ...values } = readRow(layout, pillar, raw)
      const flags = raw instanceof Y.Map ? invalid : ['section', ...invalid.filter((f) => f !== 'row')]
      return { pillar, label: PILLAR_LABELS[pillar], ...values, invalid: flags }
    }),
  }
}

/** Makes sure the section is a Y.Map, keeping whatever could be read from a damaged one. */
function ensureSection(doc: Y.Doc, pillar: PillarKey): Y.Map<unknown> {
  const map = sections(doc)
  const existing = map.get(pillar)
  if (existing instanceof Y.Map) return existing
  const salvaged = readRow(layout, pillar, existing)
  const section = new Y.Map<unknown>()
  doc.transact(() => {
    map.set(pillar, section)
    const kept: Record<string, unknown> = {}
    for (const field of Object.keys(sectionFields) as BriefSectionField[]) {
      const value = salvaged[field]
      if (value !== null && !salvaged.invalid.includes(field)) kept[field] = value
    }
    writeFields(section, sectionFields, kept)
    ensureLiveTexts(section, sectionFields)
    section.set('narrative', new Y.XmlFragment())
  })
  return section
}

export function updatePillar(doc: Y.Doc, pillar: PillarKey, patch: Partial<BriefSectionFields>): WriteResult {
  if (!isPillarKey(pillar)) return { ok: false, error: `Unknown pillar "${String(pillar)}"` }
  // Validate before repairing, so refused input never touches the document.
  for (const [field, value] of Object.entries(patch)) {
    const check = validateField(sectionFields, field, value)
    if (!check.ok) return check
  }
  let result: WriteResult = { ok: true }
  doc.transact(() => {
    ensureSection(doc, pillar)
    result = updateRow(doc, layout, pillar, patch, null)
  })
  return result
}

export function setPillarField<F extends BriefSectionField>(
  doc: Y.Doc,
  pillar: PillarKey,
  field: F,
  value: BriefSectionFields[F],
): WriteResult {
  return updatePillar(doc, pillar, { [field]: value } as Partial<BriefSectionFields>)
}

/** The Y.Text behind a section's owner cell (see rowText); `writable` creates or repairs the section. */
export function pillarText(doc: Y.Doc, pillar: PillarKey, field: 'owner', opts: { writable?: boolean } = {}): Y.Text | null {
  if (!isPillarKey(pillar)) return null
  if (opts.writable) ensureSection(doc, pillar)
  return rowText(doc, layout, pillar, field, opts.writable ?? false)
}

export function getPillarNarrative(doc: Y.Doc, pillar: PillarKey, opts: { writable?: boolean } = {}): Y.XmlFragment | null {
  if (!isPillarKey(pillar)) return null
  if (opts.writable) ensureSection(doc, pillar)
  return richTextIn(sections(doc), pillar, 'narrative', opts.writable ?? false)
}

export function project(doc: Y.Doc): BriefProjection {
  return {
    kind: 'brief',
    sections: readBrief(doc).sections.map((s) => ({
      ...s,
      narrative: richTextToPlain(getPillarNarrative(doc, s.pillar)),
    })),
  }
}

/** Creates any of the eight sections that are missing; existing ones are left alone. */
export function template(doc: Y.Doc): void {
  const map = sections(doc)
  doc.transact(() => {
    for (const pillar of PILLARS) {
      if (map.get(pillar) instanceof Y.Map) continue
      const section = ensureSection(doc, pillar)
      if (!section.has('status')) section.set('status', sectionFields.status.fallback)
      if (!section.has('trend')) section.set('trend', sectionFields.trend.fallback)
    }
  })
}
