import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendBlocks, getRichTextField, paragraphs, richTextToPlain } from '../../../shared/documents/rich-text'
import * as brief from '../../../shared/documents/brief'
import * as decisions from '../../../shared/documents/decisions'
import * as roadmap from '../../../shared/documents/roadmap'
import * as notes from '../../../shared/documents/notes'
import * as summary from '../../../shared/documents/summary'
import { isPlainJson, receiveHostile, replica, stateOf, syncBoth } from './doc-sync'

describe('richTextToPlain', () => {
  it('joins text blocks with newlines, ignoring marks and keeping empty paragraphs', () => {
    const doc = new Y.Doc()
    const body = doc.getXmlFragment('body')
    appendBlocks(body, [
      { type: 'heading', level: 2, text: 'Agenda' },
      { type: 'bulletList', items: ['One', 'Two'] },
      { type: 'paragraph', text: '' },
      { type: 'paragraph', text: 'Bold here' },
    ])
    const last = body.get(body.length - 1) as Y.XmlElement
    ;(last.get(0) as Y.XmlText).format(0, 4, { bold: {} })
    expect(richTextToPlain(body)).toBe('Agenda\nOne\nTwo\n\nBold here')
    // Node names and attributes as Tiptap's StarterKit expects them.
    const [heading, list] = body.toArray() as Y.XmlElement[]
    expect([heading.nodeName, heading.getAttribute('level')]).toEqual(['heading', 2])
    const item = list.get(0) as Y.XmlElement
    expect([list.nodeName, item.nodeName, (item.get(0) as Y.XmlElement).nodeName]).toEqual(['bulletList', 'listItem', 'paragraph'])
    expect((item.get(0) as Y.XmlElement).get(0)).toBeInstanceOf(Y.XmlText)
  })

  it('does not throw on odd structures', () => {
    const doc = receiveHostile((evil) => {
      const body = evil.getXmlFragment('body')
      body.insert(0, [new Y.XmlText('loose text'), new Y.XmlHook('hook') as never, new Y.XmlElement('div')])
      const p = new Y.XmlElement('paragraph')
      body.insert(3, [p])
      p.insert(0, [new Y.XmlText('a'), new Y.XmlElement('hardBreak'), new Y.XmlText('b')])
    })
    expect(richTextToPlain(doc.getXmlFragment('body'))).toBe('loose text\na\nb')
    expect(richTextToPlain(null)).toBe('')
  })
})

describe('getRichTextField', () => {
  it('finds the field in each kind that has row rich text', () => {
    const r = new Y.Doc()
    roadmap.template(r, { windowStart: '2026-01' })
    const init = roadmap.addInitiative(r, {})
    const d = new Y.Doc()
    const dec = decisions.addDecision(d, {})
    const b = new Y.Doc()
    brief.template(b)
    if (!init.ok || !dec.ok) throw new Error('add failed')
    expect(getRichTextField(r, init.id, 'description')).toBe(roadmap.getInitiativeDescription(r, init.id))
    expect(getRichTextField(d, dec.id, 'context')).toBe(decisions.getDecisionContext(d, dec.id))
    expect(getRichTextField(b, 'security', 'narrative')).toBe(brief.getPillarNarrative(b, 'security'))
    expect(getRichTextField(r, 'nope', 'description', { writable: true })).toBeNull()
  })

  it('creates a missing field only when asked for a writable one', () => {
    const doc = new Y.Doc()
    roadmap.template(doc, { windowStart: '2026-01' })
    const init = roadmap.addInitiative(doc, {})
    if (!init.ok) throw new Error(init.error)
    ;(doc.getMap('initiatives').get(init.id) as Y.Map<unknown>).delete('description')
    const state = stateOf(doc)
    expect(getRichTextField(doc, init.id, 'description')).toBeNull()
    expect(stateOf(doc)).toEqual(state)
    const fragment = getRichTextField(doc, init.id, 'description', { writable: true })
    expect(fragment).toBeInstanceOf(Y.XmlFragment)
    expect(getRichTextField(doc, init.id, 'description')).toBe(fragment)
  })
})

describe('summary', () => {
  it('templates an outline and quarter label, and projects', () => {
    const doc = new Y.Doc()
    summary.template(doc, { today: new Date(2026, 7, 3), sources: { briefId: 'brief_1' } })
    const p = summary.projectSummary(doc)
    expect(p).toMatchObject({ kind: 'summary', quarterLabel: 'Q3 2026', sources: { briefId: 'brief_1', roadmapId: null, risksId: null }, invalid: [] })
    expect(p.body.split('\n')).toContain('Asks of the board')
    const length = summary.getSummaryBody(doc).length
    summary.template(doc, { quarterLabel: 'Q4 2026' })
    expect(summary.getSummaryBody(doc).length).toBe(length)
    expect(summary.readSummary(doc).quarterLabel).toBe('Q3 2026')
  })

  it('validates meta writes and reads damaged meta', () => {
    const doc = new Y.Doc()
    expect(summary.setSummaryMeta(doc, 'roadmapId', 'road-1')).toEqual({ ok: true })
    expect(summary.setSummaryMeta(doc, 'roadmapId', 'bad id!')).toMatchObject({ ok: false })
    expect(summary.setSummaryMeta(doc, 'quarterLabel', 'x'.repeat(41)).ok).toBe(false)
    expect(summary.readSummary(doc).sources.roadmapId).toBe('road-1')
    expect(summary.setSummaryMeta(doc, 'roadmapId', null)).toEqual({ ok: true })
    expect(summary.readSummary(doc).sources.roadmapId).toBeNull()

    const hostile = receiveHostile((evil) => {
      evil.getMap('meta').set('briefId', 5)
      evil.getMap('meta').set('quarterLabel', { q: 3 })
      evil.getArray('body').push(['x'])
    })
    expect(summary.readSummary(hostile)).toMatchObject({ quarterLabel: '', invalid: ['quarterLabel', 'briefId'] })
    expect(isPlainJson(summary.projectSummary(hostile))).toBe(true)
  })
})

describe('notes', () => {
  it('templates an agenda and merges concurrent typing', () => {
    const a = new Y.Doc()
    notes.template(a)
    expect(notes.readNotes(a).body.startsWith('Agenda\n')).toBe(true)
    const b = replica(a)
    appendBlocks(notes.getNotesBody(a), paragraphs('Alice was here'))
    appendBlocks(notes.getNotesBody(b), paragraphs('Bob was here'))
    syncBoth(a, b)
    const text = notes.readNotes(a).body
    expect(text).toContain('Alice was here')
    expect(text).toContain('Bob was here')
    expect(notes.readNotes(b).body).toBe(text)
    notes.template(a)
    expect(notes.readNotes(a).body).toBe(text)
  })
})

describe('rich text beyond the depth limit', () => {
  it('reads 20,000 nested elements without overflowing the stack, stopping at MAX_READ_DEPTH', () => {
    const doc = new Y.Doc()
    const body = doc.getXmlFragment('body')
    doc.transact(() => {
      let parent: Y.XmlFragment = body
      for (let i = 0; i < 20_000; i++) {
        const child = new Y.XmlElement('blockquote')
        parent.insert(0, [child])
        parent = child
      }
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText('deep')])
      parent.insert(0, [p])
    })
    expect(() => richTextToPlain(body)).not.toThrow()
    expect(richTextToPlain(body)).toBe('')
  })
})
