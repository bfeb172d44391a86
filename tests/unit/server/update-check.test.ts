// checkUpdate must accept exactly what Y.decodeUpdate accepts: every kind of content Yjs writes, and
// the same verdict on thousands of damaged copies (bytes changed, cut, inserted, appended).
import * as prng from 'lib0/prng'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkUpdate } from '../../../server/sync/update-check'

const SEED = 20261125

/** Updates of every content kind: text with formats and embeds, maps and arrays of any values, types, XML, binary, subdocuments, deletes. */
function sampleUpdates(gen: prng.PRNG): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const text = doc.getText('t')
  const map = doc.getMap('m')
  const array = doc.getArray('a')
  const xml = doc.getXmlFragment('x')
  const strings = ['a', 'hello', 'ünïcödé', '😀 emoji', '', 'x'.repeat(300), '"quoted"', '__proto__']
  const anyValue = (): unknown => prng.oneOf(gen, [
    () => prng.int32(gen, -1e6, 1e6), () => prng.real53(gen), () => prng.oneOf(gen, strings), () => null, () => true,
    () => ({ nested: { list: [1, 'two', null], deep: { a: false } } }), () => [1, 2, [3]], () => new Uint8Array([1, 2, 3]),
  ])()
  for (let i = 0; i < 60; i++) {
    const op = prng.int32(gen, 0, 11)
    const at = (n: number) => prng.int32(gen, 0, n)
    if (op === 0) text.insert(at(text.length), prng.oneOf(gen, strings))
    else if (op === 1 && text.length > 1) text.format(at(text.length - 1), 1, { bold: true, link: { href: 'x' } })
    else if (op === 2) text.insertEmbed(at(text.length), { image: 'a.png' })
    else if (op === 3 && text.length > 2) text.delete(at(text.length - 2), 2)
    else if (op === 4) map.set(`k${at(5)}`, anyValue())
    else if (op === 5) map.set(`t${at(3)}`, prng.oneOf(gen, [() => new Y.Map(), () => new Y.Text('inner'), () => new Y.Array(), () => new Y.XmlText('xt')])())
    else if (op === 6) array.insert(at(array.length), [anyValue(), anyValue()])
    else if (op === 7) array.push([new Uint8Array([9, 8, 7])])
    else if (op === 8 && array.length > 0) array.delete(at(array.length - 1), 1)
    else if (op === 9) xml.insert(at(xml.length), [new Y.XmlElement('p'), new Y.XmlText('para'), new Y.XmlHook('hook') as unknown as Y.XmlElement])
    else if (op === 10) map.set('sub', new Y.Doc({ meta: { kind: 'sub' } }))
    else if (op === 11 && map.size > 0) map.delete([...map.keys()][0])
  }
  updates.push(Y.encodeStateAsUpdate(doc))
  // Updates with gaps merge into one with Skip structs.
  if (updates.length > 4) updates.push(Y.mergeUpdates([updates[0], updates[2], updates[4]]))
  return updates
}

function damaged(gen: prng.PRNG, u: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(u)
  const pos = () => prng.int32(gen, 0, Math.max(0, copy.length - 1))
  switch (prng.int32(gen, 0, 5)) {
    case 0: copy[pos()] = prng.int32(gen, 0, 255); return copy
    case 1: copy[pos()] ^= 1 << prng.int32(gen, 0, 7); return copy
    case 2: return copy.subarray(0, pos())
    case 3: { const p = pos(); return Uint8Array.from([...copy.subarray(0, p), prng.int32(gen, 0, 255), ...copy.subarray(p)]) }
    case 4: return Uint8Array.from([...copy, ...prng.uint8Array(gen, prng.int32(gen, 1, 8))])
    default: { for (let k = 0; k < 4; k++) copy[pos()] = prng.int32(gen, 0, 255); return copy }
  }
}

const accepts = (fn: () => unknown) => { try { fn(); return true } catch { return false } }
const hex = (u: Uint8Array) => Buffer.from(u).toString('hex')

describe('checkUpdate', () => {
  it('accepts every update Yjs writes, of every content kind', () => {
    const gen = prng.create(SEED)
    let count = 0
    for (let round = 0; round < 20; round++) {
      for (const u of sampleUpdates(gen)) {
        expect(() => checkUpdate(u), `seed ${SEED} round ${round}: ${hex(u)}`).not.toThrow()
        count++
      }
    }
    expect(count).toBeGreaterThan(1000)
  })

  it('gives the same verdict as Y.decodeUpdate on damaged updates', () => {
    const gen = prng.create(SEED + 1)
    let rejected = 0, total = 0
    for (let round = 0; round < 10; round++) {
      for (const u of sampleUpdates(gen)) {
        for (let k = 0; k < 12; k++) {
          const bad = damaged(gen, u)
          const yjs = accepts(() => Y.decodeUpdate(bad))
          expect(accepts(() => checkUpdate(bad)), `seed ${SEED + 1}: Y.decodeUpdate ${yjs ? 'accepts' : 'rejects'} ${hex(bad)}`).toBe(yjs)
          if (!yjs) rejected++
          total++
        }
      }
    }
    // The damage must really exercise both verdicts.
    expect(rejected).toBeGreaterThan(total / 5)
    expect(total - rejected).toBeGreaterThan(total / 20)
  })

  it('rejects what the hostile-input tests send: garbage, a cut update, invalid UTF-8 in a string, unknown content', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'hi')
    const good = Y.encodeStateAsUpdate(doc)
    for (const bad of [Uint8Array.from([1, 2, 3, 4, 5]), good.subarray(0, good.length - 1), new Uint8Array(0)]) {
      expect(accepts(() => Y.decodeUpdate(bad))).toBe(false)
      expect(() => checkUpdate(bad)).toThrow()
    }
    // The string "hi" with its first byte made a lone continuation byte: Yjs decodes strings strictly.
    const badUtf8 = Uint8Array.from(good)
    badUtf8[good.indexOf(0x68)] = 0x80
    expect(accepts(() => Y.decodeUpdate(badUtf8))).toBe(false)
    expect(() => checkUpdate(badUtf8)).toThrow()
  })
})
