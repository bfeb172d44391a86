import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { keepTextInNewTextBlocks } from '../../../client/src/documents/rich-text/text-block-invariant'

function children(el: Y.XmlElement): string[] {
  return el.toArray().map((c) => (c instanceof Y.XmlText ? `text:${c.toString()}` : (c as Y.XmlElement).nodeName))
}

describe('keepTextInNewTextBlocks', () => {
  it('gives a locally added empty paragraph, heading or list item one empty Y.XmlText', () => {
    const doc = new Y.Doc()
    const body = doc.getXmlFragment('body')
    const stop = keepTextInNewTextBlocks(body)
    const p = new Y.XmlElement('paragraph')
    const h = new Y.XmlElement('heading')
    const list = new Y.XmlElement('bulletList')
    const item = new Y.XmlElement('listItem')
    const itemParagraph = new Y.XmlElement('paragraph')
    item.insert(0, [itemParagraph])
    list.insert(0, [item])
    const full = new Y.XmlElement('paragraph')
    full.insert(0, [new Y.XmlText('kept')])
    doc.transact(() => body.insert(0, [p, h, list, full]), 'editor')
    expect(children(p)).toEqual(['text:'])
    expect(children(h)).toEqual(['text:'])
    expect(children(itemParagraph)).toEqual(['text:'])
    expect(children(full)).toEqual(['text:kept'])
    // A list item added later to an existing list.
    const second = new Y.XmlElement('listItem')
    second.insert(0, [new Y.XmlElement('paragraph')])
    list.insert(1, [second])
    expect(children(second.get(0) as Y.XmlElement)).toEqual(['text:'])
    stop()
    body.insert(0, [new Y.XmlElement('paragraph')])
    expect((body.get(0) as Y.XmlElement).length).toBe(0)
  })

  it('leaves blocks received from others alone, so one block never gets two', () => {
    const old = new Y.Doc() // a client without the invariant (or an old stored document)
    const b = new Y.Doc()
    keepTextInNewTextBlocks(b.getXmlFragment('body'))
    old.getXmlFragment('body').insert(0, [new Y.XmlElement('paragraph')])
    Y.applyUpdate(b, Y.encodeStateAsUpdate(old), 'remote')
    expect((b.getXmlFragment('body').get(0) as Y.XmlElement).length).toBe(0)
  })

  it('sends the Y.XmlText with the edit that added the block', () => {
    const a = new Y.Doc()
    keepTextInNewTextBlocks(a.getXmlFragment('body'))
    const updates: Uint8Array[] = []
    a.on('update', (update: Uint8Array) => updates.push(update))
    a.getXmlFragment('body').insert(0, [new Y.XmlElement('paragraph')])
    // Yjs encodes a transaction's update after its observers ran, so the first update already
    // holds the follow-up's Y.XmlText: nobody ever receives the block without it.
    const b = new Y.Doc()
    Y.applyUpdate(b, updates[0], 'remote')
    expect(children(b.getXmlFragment('body').get(0) as Y.XmlElement)).toEqual(['text:'])
    for (const update of updates) Y.applyUpdate(b, update, 'remote')
    expect(b.getXmlFragment('body').toJSON()).toBe(a.getXmlFragment('body').toJSON())
  })
})
