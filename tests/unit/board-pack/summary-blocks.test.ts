import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { summaryBlocksFromState, summaryBlocksFromText } from '../../../server/board-pack/summary-blocks'
import { appendBlocks } from '../../../shared/documents/rich-text'
import { getSummaryBody } from '../../../shared/documents/summary'

describe('summary blocks from a saved state', () => {
  it('keeps headings, paragraphs and list items apart, skipping empty ones', () => {
    const doc = new Y.Doc()
    const body = getSummaryBody(doc)
    appendBlocks(body, [
      { type: 'heading', level: 1, text: 'Board summary' },
      { type: 'heading', level: 2, text: 'Headlines' },
      { type: 'paragraph', text: '' },
      { type: 'paragraph', text: 'Spend is on plan.' },
      { type: 'bulletList', items: ['One', 'Two'] },
    ])
    // A nested ordered list inside the second item, as Tiptap writes it.
    const item = (body.get(4) as Y.XmlElement).get(1) as Y.XmlElement
    const ordered = new Y.XmlElement('orderedList')
    const li = new Y.XmlElement('listItem')
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText('Sub')])
    li.insert(0, [p])
    ordered.insert(0, [li])
    item.insert(1, [ordered])

    expect(summaryBlocksFromState(Y.encodeStateAsUpdate(doc))).toEqual([
      { type: 'heading', level: 1, text: 'Board summary' },
      { type: 'heading', level: 2, text: 'Headlines' },
      { type: 'paragraph', text: 'Spend is on plan.' },
      { type: 'bullet', text: 'One', depth: 0, number: null },
      { type: 'bullet', text: 'Two', depth: 0, number: null },
      { type: 'bullet', text: 'Sub', depth: 1, number: 1 },
    ])
  })

  it('returns null for bytes that are not a Yjs update', () => {
    expect(summaryBlocksFromState(new Uint8Array([1, 2, 3, 250, 251]))).toBeNull()
  })

  it('turns plain text into one paragraph per non-empty line', () => {
    expect(summaryBlocksFromText('A\n\n  B  \n')).toEqual([{ type: 'paragraph', text: 'A' }, { type: 'paragraph', text: 'B' }])
  })
})
