// Every text block our writers create holds exactly one Y.XmlText (possibly empty), so two
// people typing into an empty paragraph type into the same Y.XmlText (see rich-text.ts).
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DOCUMENT_KINDS } from '../../../shared/document-kinds'
import { applyTemplate, documentKindModules } from '../../../shared/documents/index'
import { fillDemo } from '../../../shared/documents/demo-content'
import { BOARD_AGENDA_KINDS, demoBoardNotes, demoStateAtBoardMeeting } from '../../../shared/documents/demo-history'
import { TEXT_BLOCKS } from '../../../shared/documents/rich-text'

const TODAY = new Date(2026, 5, 15)

/** Text blocks anywhere in the document (root fragments and rich-text fields of rows). */
function textBlocks(doc: Y.Doc, kind: (typeof DOCUMENT_KINDS)[number]): Y.XmlElement[] {
  const found: Y.XmlElement[] = []
  const walk = (value: unknown): void => {
    if (value instanceof Y.XmlElement && TEXT_BLOCKS.has(value.nodeName)) found.push(value)
    else if (value instanceof Y.XmlFragment) value.toArray().forEach(walk)
    else if (value instanceof Y.Map) [...value.values()].forEach(walk)
    else if (value instanceof Y.Array) value.toArray().forEach(walk)
  }
  for (const [name, type] of Object.entries(documentKindModules[kind].roots)) {
    walk(type === 'map' ? doc.getMap(name) : doc.getXmlFragment(name))
  }
  return found
}

function expectOneTextEach(doc: Y.Doc, kind: (typeof DOCUMENT_KINDS)[number]): number {
  const blocks = textBlocks(doc, kind)
  for (const block of blocks) {
    const children = block.toArray()
    expect(children.filter((c) => c instanceof Y.XmlText), block.toString()).toHaveLength(1)
  }
  return blocks.length
}

describe('text blocks hold one Y.XmlText', () => {
  it('in every template', () => {
    for (const kind of DOCUMENT_KINDS) {
      const doc = new Y.Doc()
      applyTemplate(kind, doc, { today: TODAY })
      expectOneTextEach(doc, kind)
    }
    // The notes template's empty paragraph and list items are the ones people type into first.
    const notes = new Y.Doc()
    applyTemplate('notes', notes)
    expect(expectOneTextEach(notes, 'notes')).toBe(6)
  })

  it('in the demo content and the demo history', () => {
    let checked = 0
    for (const kind of DOCUMENT_KINDS) {
      const doc = new Y.Doc()
      fillDemo(kind, doc, TODAY)
      checked += expectOneTextEach(doc, kind)
      if ((BOARD_AGENDA_KINDS as readonly string[]).includes(kind)) {
        const then = demoStateAtBoardMeeting(kind as (typeof BOARD_AGENDA_KINDS)[number], doc, new Date(2026, 2, 16), TODAY)
        expectOneTextEach(then, kind)
      }
    }
    expect(checked).toBeGreaterThan(50)
    expect(expectOneTextEach(demoBoardNotes(), 'notes')).toBeGreaterThan(0)
  })
})
