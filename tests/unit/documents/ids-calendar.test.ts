import { describe, expect, it } from 'vitest'
import { newId } from '../../../shared/documents/ids'
import { addDays, addMonths, daysBetween, isRealDate, isRealMonth, toIsoDate } from '../../../shared/documents/calendar'

describe('newId', () => {
  it('is URL-safe, 128 bits, and does not repeat', () => {
    const ids = Array.from({ length: 2000 }, newId)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('calendar', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-01', false],
    ['26-01-01', false],
    ['2026-01-01T00:00', false],
  ])('isRealDate(%s) = %s', (value, real) => expect(isRealDate(value)).toBe(real))

  it('checks months and does month and day arithmetic across boundaries', () => {
    expect(isRealMonth('2026-12')).toBe(true)
    expect(isRealMonth('2026-13')).toBe(false)
    expect(isRealMonth('2026-00')).toBe(false)
    expect(addMonths('2026-11', 3)).toBe('2027-02')
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(daysBetween('2026-03-28', '2026-04-02')).toBe(5) // across a DST change in many zones
    expect(toIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  })
})
