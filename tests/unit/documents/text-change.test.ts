import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyTextChange, mapThroughDelta, replaceText, textChange } from '../../../shared/documents/text-change'

function applied(before: string, after: string, caret?: number): string {
  const doc = new Y.Doc()
  const text = doc.getText('t')
  text.insert(0, before)
  const change = textChange(before, after, caret)
  if (change) applyTextChange(text, change)
  return text.toString()
}

describe('textChange', () => {
  it('finds the smallest insert, delete and replacement', () => {
    expect(textChange('abc', 'abc')).toBeNull()
    expect(textChange('abc', 'abXc')).toEqual({ index: 2, remove: 0, insert: 'X' })
    expect(textChange('abc', 'ac')).toEqual({ index: 1, remove: 1, insert: '' })
    expect(textChange('hello world', 'hello there')).toEqual({ index: 6, remove: 5, insert: 'there' })
    expect(textChange('', 'new')).toEqual({ index: 0, remove: 0, insert: 'new' })
    expect(textChange('all gone', '')).toEqual({ index: 0, remove: 8, insert: '' })
  })

  it('uses the caret to place a character typed inside a run of equal ones', () => {
    // "al" → "all" with the caret after the third character: the new "l" is the last one.
    expect(textChange('al', 'all', 3)).toEqual({ index: 2, remove: 0, insert: 'l' })
    // Caret after the second character: the "l" was typed between "a" and "l".
    expect(textChange('al', 'all', 2)).toEqual({ index: 1, remove: 0, insert: 'l' })
    expect(textChange('aaa', 'aaaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' })
  })

  it('never splits a surrogate pair', () => {
    const change = textChange('a😀b', 'a😃b')!
    expect(change.insert).toBe('😃')
    expect(change.remove).toBe(2)
    expect(applied('a😀b', 'a😃b')).toBe('a😃b')
  })

  it('always produces the new value when applied', () => {
    const cases: [string, string][] = [['', ''], ['abc', 'xyz'], ['aaaa', 'aa'], ['ab', 'ba'], ['x', 'xxxx'], ['😀😀', '😀']]
    for (const [a, b] of cases) {
      expect(applied(a, b)).toBe(b)
      for (let caret = 0; caret <= b.length; caret++) expect(applied(a, b, caret)).toBe(b)
    }
  })

  it('replaceText edits in place', () => {
    const doc = new Y.Doc()
    const text = doc.getText('t')
    text.insert(0, 'Owner: Ana')
    const deltas: unknown[] = []
    text.observe((e) => deltas.push(e.delta))
    replaceText(text, 'Owner: Ana B.')
    expect(text.toString()).toBe('Owner: Ana B.')
    expect(deltas).toEqual([[{ retain: 10 }, { insert: ' B.' }]])
  })
})

describe('mapThroughDelta', () => {
  it('moves a caret past text inserted or deleted before it, not after it', () => {
    expect(mapThroughDelta(5, [{ insert: 'abc' }])).toBe(8)
    expect(mapThroughDelta(5, [{ retain: 6 }, { insert: 'abc' }])).toBe(5)
    expect(mapThroughDelta(5, [{ retain: 1 }, { delete: 2 }])).toBe(3)
    expect(mapThroughDelta(5, [{ retain: 3 }, { delete: 5 }])).toBe(3)
  })

  it('keeps a caret before text inserted exactly at it unless told otherwise', () => {
    expect(mapThroughDelta(5, [{ retain: 5 }, { insert: 'xy' }])).toBe(5)
    expect(mapThroughDelta(5, [{ retain: 5 }, { insert: 'xy' }], true)).toBe(7)
  })
})
