import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DOCUMENT_KINDS } from '../../../shared/document-kinds'
import { applyTemplate, documentKindModules, projectDocument } from '../../../shared/documents/index'
import { fillDemo } from '../../../shared/documents/demo-content'
import { PILLARS } from '../../../shared/documents/pillars'
import { readRoadmap } from '../../../shared/documents/roadmap'
import { roadmapTotals } from '../../../shared/documents/roadmap-totals'
import { readBrief } from '../../../shared/documents/brief'
import { readVendors } from '../../../shared/documents/vendors'
import { derivedRenewalDecisions, renewalFlag } from '../../../shared/documents/vendor-renewals'
import { readDecisions } from '../../../shared/documents/decisions'
import { groupDecisions } from '../../../shared/documents/decision-queue'
import { readRisks } from '../../../shared/documents/risks'
import { openHighRisks } from '../../../shared/documents/risk-figures'
import { demoBoardNotes } from '../../../shared/documents/demo-history'
import { isPlainJson } from './doc-sync'

const TODAY = new Date(2026, 5, 15)

function demo(kind: (typeof DOCUMENT_KINDS)[number], today = TODAY): Y.Doc {
  const doc = new Y.Doc()
  fillDemo(kind, doc, today)
  return doc
}

describe('registry', () => {
  it('has a template and projection for every kind, projecting plain JSON tagged with the kind', () => {
    expect(Object.keys(documentKindModules).sort()).toEqual([...DOCUMENT_KINDS].sort())
    for (const kind of DOCUMENT_KINDS) {
      const doc = new Y.Doc()
      applyTemplate(kind, doc, { today: TODAY })
      const projection = projectDocument(kind, doc)
      expect(projection.kind).toBe(kind)
      expect(isPlainJson(projection)).toBe(true)
    }
  })

  it('declares every root a filled document uses, with its type', () => {
    for (const kind of DOCUMENT_KINDS) {
      const doc = demo(kind)
      projectDocument(kind, doc)
      const roots = documentKindModules[kind].roots
      expect([...doc.share.keys()].sort()).toEqual(Object.keys(roots).sort())
      for (const [name, type] of Object.entries(roots)) {
        const Expected = type === 'map' ? Y.Map : Y.XmlFragment
        expect(doc.share.get(name)).toBeInstanceOf(Expected)
      }
      // A replica that only received updates sees content in exactly these roots.
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
      for (const name of copy.share.keys()) expect(Object.keys(roots)).toContain(name)
    }
  })

  it('survives an update round trip: a replica projects the same', () => {
    for (const kind of DOCUMENT_KINDS) {
      const doc = demo(kind)
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
      expect(projectDocument(kind, copy)).toEqual(projectDocument(kind, doc))
    }
  })
})

describe('demo content', () => {
  it('roadmap: a dozen+ initiatives across all pillars with real totals', () => {
    const roadmap = readRoadmap(demo('roadmap'))
    expect(roadmap.initiatives.length).toBeGreaterThanOrEqual(12)
    expect(new Set(roadmap.initiatives.map((i) => i.pillar))).toEqual(new Set(PILLARS))
    expect(roadmap.initiatives.every((i) => i.invalid.length === 0 && i.owner !== '')).toBe(true)
    const totals = roadmapTotals(roadmap.initiatives, roadmap.windowStart)
    expect(totals.grand.totalCost).toBeGreaterThan(1_000_000)
    expect(totals.highRisk).toBeGreaterThan(0)
    expect(totals.quarters.every((q) => q.totalCost > 0)).toBe(true)
  })

  it('brief: eight sections with varied statuses and narratives', () => {
    const { sections } = readBrief(demo('brief'))
    expect(new Set(sections.map((s) => s.status))).toEqual(new Set(['on-track', 'watch', 'at-risk']))
    const projected = projectDocument('brief', demo('brief'))
    expect(projected.sections.every((s) => s.narrative.split('. ').length >= 2)).toBe(true)
  })

  it.each([new Date(2026, 5, 15), new Date(2027, 0, 31), new Date(2028, 1, 29)])('vendors: 2–3 renewals inside notice on %s', (today) => {
    const { vendors } = readVendors(demo('vendors', today))
    expect(vendors.length).toBeGreaterThanOrEqual(8)
    const flagged = vendors.filter((v) => renewalFlag(v, today))
    expect(flagged.length).toBeGreaterThanOrEqual(2)
    expect(flagged.length).toBeLessThanOrEqual(3)
    expect(new Set(derivedRenewalDecisions(vendors, today).map((d) => d.checkpoint))).toEqual(new Set([30, 60, 90]))
  })

  it('decisions: open items in every due bucket', () => {
    const { decisions } = readDecisions(demo('decisions'))
    expect(decisions.filter((d) => d.status === 'open').length).toBeGreaterThanOrEqual(6)
    const groups = groupDecisions(decisions, TODAY)
    for (const bucket of [groups.overdue, groups.within30, groups.within60, groups.within90]) expect(bucket.length).toBeGreaterThan(0)
  })

  it('risks: five or more with varied severity and some high', () => {
    const { risks } = readRisks(demo('risks'))
    expect(risks.length).toBeGreaterThanOrEqual(5)
    expect(new Set(risks.map((r) => r.severity)).size).toBeGreaterThanOrEqual(3)
    expect(risks.some((r) => r.kind === 'incident')).toBe(true)
    expect(openHighRisks(risks).length).toBeGreaterThan(0)
  })

  it('summary and notes: headings and paragraphs Tiptap can render', () => {
    const s = demo('summary')
    expect(s.getXmlFragment('body').toString()).toMatch(/^<heading level="1">Board summary — Q2 2026<\/heading><heading level="2">Headlines/)
    expect(projectDocument('summary', s).quarterLabel).toBe('Q2 2026')
    expect(projectDocument('notes', demo('notes')).body).toMatch(/^Agenda\nPillar brief/)
  })

  it('notes, live and of the last board meeting: each section heading once', () => {
    const headings = (doc: Y.Doc) =>
      doc.getXmlFragment('body').toArray().flatMap((b) => (b instanceof Y.XmlElement && b.nodeName === 'heading' ? [b.toArray().join('')] : []))
    expect(headings(demo('notes'))).toEqual(['Agenda', 'Discussion', 'Actions'])
    expect(headings(demoBoardNotes())).toEqual(['Agenda', 'Decisions', 'Discussion', 'Actions'])
  })
})
