import { describe, expect, it } from 'vitest'
import { compareProjections } from '../../../shared/documents/compare'
import { highlightFor } from '../../../client/src/history/compare/highlight'
import { fieldLabel, formatValue } from '../../../client/src/history/compare/format'

const initiative = (id: string, patch: Record<string, unknown> = {}) => ({
  id, order: 0, invalid: [], title: id, pillar: 'product', startMonth: '2026-11', endMonth: '2027-01', status: 'planned',
  oneOffCost: 1000, runRateCost: 0, capacity: 1, risk: 'low', riskNote: '', owner: '', description: '', ...patch,
})

describe('highlightFor', () => {
  it('marks changed and added initiatives, not removed or unchanged ones', () => {
    const before = { kind: 'roadmap', windowStart: '2026-11', currency: 'USD', invalid: [], initiatives: [initiative('a'), initiative('b'), initiative('gone')] }
    const after = { ...before, initiatives: [initiative('a', { oneOffCost: 5000 }), initiative('b'), initiative('new')] }
    const comparison = compareProjections('roadmap', before as never, after as never)
    expect(highlightFor(comparison).rowIds?.sort()).toEqual(['a', 'new'])
  })

  it('marks moved pillars of a brief', () => {
    const section = (pillar: string, status: string) => ({ pillar, label: pillar, status, trend: 'steady', owner: '', reviewedOn: null, narrative: '', invalid: [] })
    const before = { kind: 'brief', sections: [section('security', 'watch'), section('product', 'on-track')] }
    const after = { kind: 'brief', sections: [section('security', 'at-risk'), section('product', 'on-track')] }
    expect(highlightFor(compareProjections('brief', before as never, after as never)).pillars).toEqual(['security'])
  })
})

describe('compare formatting', () => {
  it('reads fields and values as words', () => {
    expect(fieldLabel('oneOffCost')).toBe('One-off cost')
    expect(fieldLabel('someNewField')).toBe('Some new field')
    expect(formatValue('status', 'in-progress')).toBe('In progress')
    expect(formatValue('pillar', 'security')).toBe('Security')
    expect(formatValue('capacity', 12)).toBe('12 pw')
    expect(formatValue('oneOffCost', 180000)).toBe('$180K')
    expect(formatValue('owner', '')).toBe('—')
  })
})
