// nestedBeyond: whether a document holds types nested deeper than a limit, walked without recursion.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { nestedBeyond } from '../../../server/versions/nesting'

/** A chain of `depth` elements under the body. */
function chain(depth: number): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => { // one transaction: Yjs walks up the parents once per transaction
    let parent: Y.XmlFragment = doc.getXmlFragment('body')
    for (let i = 0; i < depth; i++) {
      const child = new Y.XmlElement('blockquote')
      parent.insert(0, [child])
      parent = child
    }
  })
  return doc
}

describe('nestedBeyond', () => {
  it('counts levels below the root: a chain of exactly the limit is within it, one more is beyond', () => {
    expect(nestedBeyond([chain(64).getXmlFragment('body')], 64)).toBe(false)
    expect(nestedBeyond([chain(65).getXmlFragment('body')], 64)).toBe(true)
  })

  it('walks 100,000 levels without overflowing the stack', () => {
    expect(nestedBeyond([chain(100_000).getXmlFragment('body')], 64)).toBe(true)
  })

  it('follows maps and arrays as well as elements', () => {
    const doc = new Y.Doc()
    let map = doc.getMap('m')
    for (let i = 0; i < 3; i++) {
      const inner = new Y.Map<unknown>()
      const list = new Y.Array<unknown>()
      list.push([inner])
      map.set('k', list)
      map = inner
    }
    expect(nestedBeyond([doc.getMap('m')], 6)).toBe(false)
    expect(nestedBeyond([doc.getMap('m')], 5)).toBe(true)
  })
})
