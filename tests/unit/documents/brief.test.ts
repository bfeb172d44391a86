import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getPillarNarrative, project, readBrief, setPillarField, template, updatePillar } from '../../../shared/documents/brief'
import { PILLARS } from '../../../shared/documents/pillars'
import { appendBlocks, paragraphs, richTextToPlain } from '../../../shared/documents/rich-text'
import { isPlainJson, receiveHostile, replica, stateOf, syncBoth } from './doc-sync'

function newBrief(): Y.Doc {
  const doc = new Y.Doc()
  template(doc)
  return doc
}

describe('brief template', () => {
  it('creates the eight sections in pillar order, unflagged', () => {
    const { sections } = readBrief(newBrief())
    expect(sections.map((s) => s.label)).toEqual(['Product', 'Project', 'Experience', 'Engineering', 'Quality', 'Operational', 'Security', 'Business'])
    expect(sections.every((s) => s.invalid.length === 0 && s.status === 'on-track' && s.trend === 'steady')).toBe(true)
    expect(PILLARS.every((p) => getPillarNarrative(newBrief(), p) instanceof Y.XmlFragment)).toBe(true)
  })

  it('leaves existing sections alone when applied again', () => {
    const doc = newBrief()
    setPillarField(doc, 'security', 'status', 'at-risk')
    appendBlocks(getPillarNarrative(doc, 'security') as Y.XmlFragment, paragraphs('Keep this'))
    template(doc)
    expect(readBrief(doc).sections[6]).toMatchObject({ pillar: 'security', status: 'at-risk' })
    expect(richTextToPlain(getPillarNarrative(doc, 'security'))).toBe('Keep this')
  })
})

describe('brief writers', () => {
  it('sets fields of one section only', () => {
    const doc = newBrief()
    expect(updatePillar(doc, 'quality', { status: 'watch', trend: 'declining', owner: 'Aisha', reviewedOn: '2026-06-01' })).toEqual({ ok: true })
    const { sections } = readBrief(doc)
    expect(sections[4]).toMatchObject({ pillar: 'quality', status: 'watch', trend: 'declining', owner: 'Aisha', reviewedOn: '2026-06-01' })
    expect(sections[3]).toMatchObject({ pillar: 'engineering', status: 'on-track', owner: '' })
  })

  it('refuses bad values and unknown pillars without touching the doc', () => {
    const doc = newBrief()
    const state = stateOf(doc)
    expect(setPillarField(doc, 'product', 'status', 'great' as never)).toMatchObject({ ok: false, error: /Status must be one of/ })
    expect(setPillarField(doc, 'product', 'trend', 'up' as never).ok).toBe(false)
    expect(setPillarField(doc, 'product', 'reviewedOn', '2026-02-30')).toMatchObject({ ok: false, error: /real date/ })
    expect(setPillarField(doc, 'product', 'owner', 'x'.repeat(121)).ok).toBe(false)
    expect(setPillarField(doc, 'marketing' as never, 'status', 'watch')).toMatchObject({ ok: false, error: /Unknown pillar/ })
    expect(stateOf(doc)).toEqual(state)
    expect(readBrief(doc).sections).toHaveLength(8)
  })
})

describe('hostile brief documents', () => {
  const hostile = () =>
    receiveHostile((evil) => {
      const map = evil.getMap('pillars')
      const engineering = new Y.Map()
      map.set('engineering', engineering)
      engineering.set('status', 'at-risk')
      engineering.set('trend', 7)
      engineering.set('narrative', new Y.Text('wrong type'))
      map.set('security', 13)
      map.set('quality', { status: 'watch', owner: 'Plain' })
      map.set('marketing', new Y.Map()) // not a pillar: never shown
      // product, project, experience, operational, business: missing
    })

  it('always returns the eight sections in order; missing and damaged ones flagged', () => {
    const { sections } = readBrief(hostile())
    expect(sections.map((s) => s.pillar)).toEqual([...PILLARS])
    expect(sections[0]).toMatchObject({ pillar: 'product', status: 'on-track', invalid: ['section'] })
    expect(sections[3]).toMatchObject({ pillar: 'engineering', status: 'at-risk', trend: 'steady', invalid: ['trend', 'narrative'] })
    expect(sections[4]).toMatchObject({ pillar: 'quality', status: 'watch', owner: 'Plain', invalid: ['section'] })
    expect(sections[6]).toMatchObject({ pillar: 'security', invalid: ['section'] })
    expect(isPlainJson(project(hostile()))).toBe(true)
  })

  it('a write repairs a damaged section, keeping what could be read', () => {
    const doc = hostile()
    expect(setPillarField(doc, 'quality', 'trend', 'improving')).toEqual({ ok: true })
    expect(setPillarField(doc, 'security', 'status', 'at-risk')).toEqual({ ok: true })
    const { sections } = readBrief(doc)
    expect(sections[4]).toMatchObject({ status: 'watch', owner: 'Plain', trend: 'improving', invalid: [] })
    expect(sections[6]).toMatchObject({ status: 'at-risk', invalid: [] })
    expect(getPillarNarrative(doc, 'security')).toBeInstanceOf(Y.XmlFragment)
  })

  it('refuses a bad value for a missing section without creating it', () => {
    const doc = hostile()
    const state = stateOf(doc)
    expect(setPillarField(doc, 'business', 'reviewedOn', 'soon').ok).toBe(false)
    expect(stateOf(doc)).toEqual(state)
    expect(readBrief(doc).sections[7].invalid).toEqual(['section'])
  })

  it('gives a writable narrative for a missing section, null for read-only', () => {
    const doc = hostile()
    expect(getPillarNarrative(doc, 'business')).toBeNull()
    expect(getPillarNarrative(doc, 'business', { writable: true })).toBeInstanceOf(Y.XmlFragment)
    expect(readBrief(doc).sections[7].invalid).toEqual([])
  })
})

describe('concurrent brief edits', () => {
  it('keeps different fields of one section and both people\'s text in the same text field', () => {
    const a = newBrief()
    const b = replica(a)
    setPillarField(a, 'operational', 'status', 'at-risk')
    setPillarField(b, 'operational', 'trend', 'declining')
    setPillarField(a, 'business', 'owner', 'Ana')
    setPillarField(b, 'business', 'owner', 'Ben')
    syncBoth(a, b)
    for (const doc of [a, b]) expect(readBrief(doc).sections[5]).toMatchObject({ status: 'at-risk', trend: 'declining' })
    // A text cell is a Y.Text: both people's text is kept, in the same order on both replicas.
    const owner = readBrief(a).sections[7].owner
    expect(['AnaBen', 'BenAna']).toContain(owner)
    expect(readBrief(b).sections[7].owner).toBe(owner)
  })
})
