import { describe, expect, it } from 'vitest'
import { monthOptions, shortMonthLabel } from '../../../client/src/documents/roadmap/month-options'

describe('month options', () => {
  it('labels a month once and returns one options array per month list', () => {
    expect(shortMonthLabel('2026-03')).toBe('Mar ’26')
    const months = ['2026-01', '2026-02']
    expect(monthOptions(months)).toBe(monthOptions(months))
    expect(monthOptions(months).map((o) => o.label)).toEqual(['Jan ’26', 'Feb ’26'])
  })
})
