import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createRowReuser } from '../../../client/src/documents/common/stable-rows'
import { monthOptions, shortMonthLabel } from '../../../client/src/documents/roadmap/month-options'
import { addInitiative, readRoadmap, removeInitiative, template, updateInitiative } from '../../../shared/documents/roadmap'

function roadmapWith(count: number) {
  const doc = new Y.Doc()
  template(doc)
  const ids: string[] = []
  for (let n = 0; n < count; n++) {
    const added = addInitiative(doc, { title: `Initiative ${n}` })
    if (!added.ok) throw new Error(added.error)
    ids.push(added.id)
  }
  return { doc, ids }
}

describe('createRowReuser', () => {
  it('keeps the objects of rows that did not change and replaces the changed one', () => {
    const { doc, ids } = roadmapWith(3)
    const reuse = createRowReuser<ReturnType<typeof readRoadmap>['initiatives'][number]>()
    const first = reuse(readRoadmap(doc).initiatives)
    expect(updateInitiative(doc, ids[1], { capacity: 7 }).ok).toBe(true)
    const second = reuse(readRoadmap(doc).initiatives)
    expect(second[0]).toBe(first[0])
    expect(second[2]).toBe(first[2])
    expect(second[1]).not.toBe(first[1])
    expect(second[1].capacity).toBe(7)
  })

  it('handles added and removed rows', () => {
    const { doc, ids } = roadmapWith(3)
    const reuse = createRowReuser<ReturnType<typeof readRoadmap>['initiatives'][number]>()
    const first = reuse(readRoadmap(doc).initiatives)
    removeInitiative(doc, ids[0])
    addInitiative(doc, { title: 'New' })
    const second = reuse(readRoadmap(doc).initiatives)
    expect(second.map((r) => r.id)).not.toContain(ids[0])
    expect(second.find((r) => r.id === ids[2])).toBe(first[2])
    expect(second.some((r) => r.title === 'New')).toBe(true)
  })
})

describe('month options', () => {
  it('labels a month once and returns one options array per month list', () => {
    expect(shortMonthLabel('2026-03')).toBe('Mar ’26')
    const months = ['2026-01', '2026-02']
    expect(monthOptions(months)).toBe(monthOptions(months))
    expect(monthOptions(months).map((o) => o.label)).toEqual(['Jan ’26', 'Feb ’26'])
  })
})
