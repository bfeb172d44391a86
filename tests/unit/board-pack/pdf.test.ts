import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildBoardPackModel, WITHOUT_RECORDS } from '../../../server/board-pack/board-pack-model'
import type { BoardPackInput } from '../../../server/board-pack/board-pack-model'
import { renderPdf } from '../../../server/board-pack/pdf'
import { needsUnicodeFont, pdfText } from '../../../server/board-pack/pdf-layout'
import { summaryBlocksFromState } from '../../../server/board-pack/summary-blocks'
import { projectDocument } from '../../../shared/documents'
import { fillDemo } from '../../../shared/documents/demo-content'
import { PILLAR_LABELS, PILLARS } from '../../../shared/documents/pillars'
import { briefProjection, packInput } from './fixtures'

/** Page objects (not the /Pages tree). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0
}

/** The text shown by each TJ operator of an uncompressed PDF (pdfkit writes hex strings with kerning). */
function shownText(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1')
  return [...raw.matchAll(/\[([^\]]*)\]\s*TJ/g)].map(([, parts]) =>
    [...parts.matchAll(/<([0-9a-f]*)>/g)].map(([, hex]) => Buffer.from(hex, 'hex').toString('latin1')).join(''),
  )
}

function demoInput(): BoardPackInput {
  const today = new Date(2026, 8, 10)
  const project = <K extends 'summary' | 'brief' | 'roadmap' | 'risks' | 'vendors' | 'decisions'>(kind: K) => {
    const doc = new Y.Doc()
    fillDemo(kind, doc, today)
    return { doc, projection: projectDocument(kind, doc) }
  }
  const summary = project('summary')
  return {
    ...WITHOUT_RECORDS,
    workspaceName: 'Northwind Logistics',
    meeting: { title: 'Q3 2026 board meeting', cadence: 'board', startsAt: Date.UTC(2026, 8, 15, 9), endedAt: Date.UTC(2026, 8, 15, 11) },
    summary: { documentTitle: 'Board summary', version: 1, projection: summary.projection, blocks: summaryBlocksFromState(Y.encodeStateAsUpdate(summary.doc)) },
    brief: { documentTitle: 'Technology brief', version: 1, projection: project('brief').projection },
    roadmap: { documentTitle: 'Technology roadmap', version: 1, projection: project('roadmap').projection },
    risks: { documentTitle: 'Risk log', version: 1, projection: project('risks').projection },
    vendors: { documentTitle: 'Vendor register', version: 1, projection: project('vendors').projection },
    decisions: { documentTitle: 'Decision queue', version: 1, projection: project('decisions').projection },
    attendees: [{ name: 'Olivia Owner' }, { name: 'Vera Viewer' }],
  }
}

describe('board pack pdf', () => {
  it('is a PDF whose pages show the pillar tiles, the lanes and the totals', async () => {
    const pdf = await renderPdf(buildBoardPackModel(packInput()), { compress: false })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF')
    expect(pageCount(pdf)).toBe(3)
    const text = shownText(pdf)
    for (const pillar of PILLARS) expect(text).toContain(PILLAR_LABELS[pillar])
    expect(text).toContain('Q3 board')
    expect(text).toContain('AT RISK')
    expect(text).toContain('Totals by quarter')
    expect(text).toContain('Jul–Sep 2026'.replace('–', '\x96'))
    expect(text).toContain('$153,000')
    expect(text).toContain('Page 3 of 3')
  })

  it('renders the demo workspace in four to six A4 pages', async () => {
    const pdf = await renderPdf(buildBoardPackModel(demoInput()), { compress: false })
    if (process.env.PACK_PDF_OUT) (await import('node:fs')).writeFileSync(process.env.PACK_PDF_OUT, pdf)
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(4)
    expect(pageCount(pdf)).toBeLessThanOrEqual(6)
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]')
    expect(shownText(pdf)).toContain('Order service migration to event streaming')
  })

  it('is two pages with notes when none of the documents was on the agenda', async () => {
    const pdf = await renderPdf(buildBoardPackModel(packInput({ summary: null, brief: null, roadmap: null })), { compress: false })
    expect(pageCount(pdf)).toBe(2)
    expect(shownText(pdf).join(' ')).toContain('No roadmap was on this meeting')
  })

  it('gives the same bytes for the same meeting, dated by its end', async () => {
    const model = buildBoardPackModel(packInput())
    const [a, b] = await Promise.all([renderPdf(model), renderPdf(model)])
    expect(a.equals(b)).toBe(true)
    const raw = (await renderPdf(model, { compress: false })).toString('latin1')
    expect(raw).toContain('(D:20260915110200Z)')
  })

  it('keeps to the characters the built-in fonts can show', () => {
    expect(pdfText('Cost → £1.2m ≥ plan — “ok” 😀\tend')).toBe('Cost -> £1.2m >= plan — “ok” ? end')
  })

  it('sets a string in the embedded font only when Helvetica cannot show it', () => {
    expect(needsUnicodeFont('Cost → £1.2m ≥ plan — “ok”\tend')).toBe(false)
    expect(needsUnicodeFont('Zdeněk Dvořák')).toBe(true)
    expect(needsUnicodeFont('Москва')).toBe(true)
    expect(needsUnicodeFont('👍\ufe0f')).toBe(true)
  })

  it('prints names outside Windows-1252 in embedded DejaVu Sans, and the rest in Helvetica', async () => {
    const input = packInput({
      brief: {
        documentTitle: 'Brief', version: 2,
        projection: briefProjection({ security: { status: 'watch', owner: 'Zdeněk Dvořák', narrative: 'Łukasz: Ελλάδα, Москва, 東京' } }),
      },
    })
    const pdf = await renderPdf(buildBoardPackModel(input), { compress: false })
    const raw = pdf.toString('latin1')
    // Subsets of the embedded faces (bold for the owner line, regular for the narrative)…
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/)
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/)
    expect(raw).toContain('/FontFile2')
    // …whose ToUnicode maps carry the characters that used to print as '?': ř, Ł, λ, М.
    const cmaps = [...raw.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)].map(([, body]) => body).join(' ').toLowerCase()
    for (const code of ['0159', '0141', '03bb', '041c']) expect(cmaps).toContain(`<${code}>`)
    // DejaVu has no CJK: 東京 prints as '?' rather than as empty boxes.
    expect(cmaps).not.toContain('<6771>')
    expect(cmaps).toContain('<003f>')
    // Strings Helvetica can show stay in it.
    expect(raw).toContain('/BaseFont /Helvetica-Bold')
    expect(shownText(pdf)).toContain('Pillar brief')
  })
})
