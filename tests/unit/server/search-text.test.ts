// The pure parts of search: a projection's rows, the user's words as an FTS5 query, and a marked
// snippet split into text and highlight offsets.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { projectDocument } from '../../../shared/documents'
import { addInitiative } from '../../../shared/documents/roadmap'
import { recordTexts } from '../../../server/search/record-texts'
import { highlighted, toFtsQuery } from '../../../server/search/search-index'

describe('recordTexts', () => {
  it('gives one row per initiative with its fields and description, and one for the rest of the document', () => {
    const doc = new Y.Doc()
    const added = addInitiative(doc, { title: 'ERP upgrade', owner: 'Dana Ruiz', oneOffCost: 120_000 })
    if (!added.ok) throw new Error(added.error)
    const rows = recordTexts(projectDocument('roadmap', doc) as unknown as Record<string, unknown>)
    const initiative = rows.find((r) => r.recordId === added.id)!
    expect(initiative.recordTitle).toBe('ERP upgrade')
    expect(initiative.body).toMatch(/^ERP upgrade · /)
    expect(initiative.body).toContain('Dana Ruiz')
    expect(initiative.body).toContain('120000')
    expect(rows.filter((r) => r.recordId === null)).toHaveLength(1)
  })

  it('uses a brief section\'s pillar as its record id', () => {
    const rows = recordTexts({ kind: 'brief', sections: [{ pillar: 'business', label: 'Business', narrative: 'Grow margins', invalid: [] }] })
    expect(rows).toEqual([{ recordId: 'business', recordTitle: 'Business', body: expect.stringContaining('Grow margins') }])
  })
})

describe('toFtsQuery', () => {
  it('quotes every word and doubles quotes, so no input is FTS5 syntax; the last word is a prefix', () => {
    expect(toFtsQuery('cloud migration')).toBe('"cloud" "migration"*')
    expect(toFtsQuery('say "hi" NEAR(x')).toBe('"say" """hi""" "NEAR(x"*')
    expect(toFtsQuery('* ( " -')).toBeNull()
  })
})

describe('highlighted', () => {
  it('strips the markers and returns the offsets of the marked words', () => {
    expect(highlighted('a \u0002b\u0003 <c> \u0002d\u0003')).toEqual({ snippet: 'a b <c> d', highlights: [[2, 3], [8, 9]] })
  })
})
