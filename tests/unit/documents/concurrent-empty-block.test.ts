// Why two people typing into one empty paragraph garbled the text, shown with y-tiptap's own
// Y ← ProseMirror diff (updateYFragment, the function its sync plugin runs on every local edit).
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getSchema } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { updateYFragment } from '@tiptap/y-tiptap'
import type { Node as PmNode } from '@tiptap/pm/model'
import { appendBlocks, getBodyFragment } from '../../../shared/documents/rich-text'
import { syncBoth } from './doc-sync'

const schema = getSchema([StarterKit.configure({ undoRedo: false })])

/** The body as one person's editor shows it after typing: one paragraph holding `text`. */
function editorDoc(text: string): PmNode {
  return schema.node('doc', null, [schema.node('paragraph', null, text ? [schema.text(text)] : [])])
}

/** One local edit, as y-tiptap writes it: diff the editor's document into the Y fragment. */
function typeInto(doc: Y.Doc, text: string): void {
  updateYFragment(doc, getBodyFragment(doc), editorDoc(text), { mapping: new Map(), isOMark: new Map() })
}

function paragraphOf(doc: Y.Doc): Y.XmlElement {
  return getBodyFragment(doc).get(0) as Y.XmlElement
}

function twoPeopleOn(shape: (body: Y.XmlFragment) => void): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  shape(getBodyFragment(a))
  const b = new Y.Doc()
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  return [a, b]
}

describe('two people typing into one empty paragraph', () => {
  it('garbles when the paragraph holds no Y.XmlText: each person creates one', () => {
    const [a, b] = twoPeopleOn((body) => body.insert(0, [new Y.XmlElement('paragraph')]))
    typeInto(a, 'Ann')
    typeInto(b, 'Bob')
    syncBoth(a, b)
    // The diagnosis: two Y.XmlText siblings, which ProseMirror shows as one run of text.
    expect(paragraphOf(a).toArray().filter((c) => c instanceof Y.XmlText)).toHaveLength(2)
    const merged = paragraphOf(a).toString().replace(/<\/?paragraph>/g, '')
    // Each keeps typing at the end of their own word; the diff writes the whole run into the
    // first Y.XmlText and deletes the second, on both sides at once.
    typeInto(a, merged.replace('Ann', 'Ann!'))
    typeInto(b, merged.replace('Bob', 'Bob?'))
    syncBoth(a, b)
    const text = paragraphOf(a).toString().replace(/<\/?paragraph>/g, '')
    expect(text).not.toMatch(/^(Ann!Bob\?|Bob\?Ann!)$/)
    expect(text.length).toBeGreaterThan('Ann!Bob?'.length) // a word was duplicated
  })

  it('merges letter by letter when the paragraph already holds an empty Y.XmlText', () => {
    const [a, b] = twoPeopleOn((body) => appendBlocks(body, [{ type: 'paragraph', text: '' }]))
    expect(paragraphOf(a).toArray()).toHaveLength(1)
    typeInto(a, 'Ann')
    typeInto(b, 'Bob')
    syncBoth(a, b)
    expect(paragraphOf(a).toArray()).toHaveLength(1)
    const merged = (paragraphOf(a).get(0) as Y.XmlText).toString()
    expect(['AnnBob', 'BobAnn']).toContain(merged)
    typeInto(a, merged.replace('Ann', 'Ann!'))
    typeInto(b, merged.replace('Bob', 'Bob?'))
    syncBoth(a, b)
    expect(['Ann!Bob?', 'Bob?Ann!']).toContain((paragraphOf(b).get(0) as Y.XmlText).toString())
    expect(paragraphOf(a).toJSON()).toBe(paragraphOf(b).toJSON())
  })
})
