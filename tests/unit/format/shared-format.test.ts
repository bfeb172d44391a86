// The one date format, quarter rule and money format that the app, compare and the pack share.
import { describe, expect, it } from 'vitest'
import { dateLabel, dateTimeLabel, fiscalYearNote, formatCapacity, formatMoney, moneyFormatter, periodLabel, quarterLabel } from '../../../shared/format'

describe('dates', () => {
  it('writes a calendar date as it is and a moment as its UTC date', () => {
    expect(dateLabel('2026-09-15')).toBe('15 Sep 2026')
    // 23:30 UTC is already the next day east of UTC: the label is the UTC day everywhere.
    expect(dateLabel(Date.UTC(2026, 8, 15, 23, 30))).toBe('15 Sep 2026')
    expect(dateLabel('2026-09-15T23:30:00Z')).toBe('15 Sep 2026')
    expect(dateLabel(null)).toBe('')
    expect(dateTimeLabel(Date.UTC(2026, 8, 15, 11, 2))).toBe('15 Sep 2026, 11:02 UTC')
    expect(periodLabel('2026-11', '2027-01')).toBe('Nov 2026–Jan 2027')
  })
})

describe('quarters', () => {
  it('counts calendar quarters by default and fiscal quarters from the workspace\'s start month', () => {
    expect(quarterLabel('2026-12')).toBe('Q4 2026')
    expect(quarterLabel('2027-02')).toBe('Q1 2027')
    // FY from April, named after the year it ends in: Dec 2026 is Q3 of FY2027.
    expect(quarterLabel('2026-12', 4)).toBe('Q3 FY2027')
    expect(quarterLabel('2026-04-01', 4)).toBe('Q1 FY2027')
    expect(quarterLabel('2026-03', 4)).toBe('Q4 FY2026')
    expect(quarterLabel(Date.UTC(2026, 8, 15), 4)).toBe('Q2 FY2027')
    expect(quarterLabel('2026-12', 13)).toBe('Q4 2026') // a bad setting falls back to January
    expect(fiscalYearNote(4)).toBe('FY quarters start in April')
    expect(fiscalYearNote(1)).toBe('Calendar quarters (FY starts in January)')
  })
})

describe('money and person-weeks', () => {
  it('writes whole units of the currency, and person-weeks with one decimal', () => {
    expect(formatMoney(1_245_000.4, 'USD')).toBe('$1,245,000')
    expect(formatMoney(5000, 'EUR', { signed: true })).toBe('+€5,000')
    expect(moneyFormatter('USD', 'thousands')(1_245_000)).toBe('$1,245k')
    expect(moneyFormatter('USD')(0)).toBe('—')
    expect(formatCapacity(177.47)).toBe('177.5')
  })
})
