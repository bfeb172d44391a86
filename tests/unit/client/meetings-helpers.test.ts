import { describe, expect, it } from 'vitest'
import { addEntries, moveEntry, removeEntry, type AgendaEntry } from '../../../client/src/meetings/agenda-list'
import { defaultMeetingTitle, defaultStart } from '../../../client/src/meetings/cadence'
import { itemsToSend, linesFromText } from '../../../client/src/meetings/decision-lines'

describe('defaultMeetingTitle', () => {
  it('names quarterly meetings by quarter and frequent ones by day', () => {
    expect(defaultMeetingTitle('board', new Date(2027, 1, 10, 10))).toBe('Q1 2027 board meeting')
    expect(defaultMeetingTitle('leadership', new Date(2026, 6, 1, 10))).toBe('Q3 2026 leadership meeting')
    expect(defaultMeetingTitle('roadmap-review', new Date(2026, 11, 1, 10))).toBe('Q4 2026 roadmap & vendor review')
    expect(defaultMeetingTitle('weekly', new Date(2027, 0, 12, 10))).toBe('Weekly 1:1 · 12 Jan 2027')
    expect(defaultMeetingTitle('board', new Date('nope'))).toBe('Board')
  })

  it('defaults to the next working day at 10:00', () => {
    const friday = new Date(2026, 10, 13, 15) // Fri 13 Nov 2026
    const start = defaultStart(friday)
    expect([start.getDay(), start.getDate(), start.getHours()]).toEqual([1, 16, 10])
  })
})

describe('agenda list', () => {
  const e = (id: string): AgendaEntry => ({ documentId: id, title: id, kind: 'notes', reasons: [] })
  it('adds without duplicates, moves, removes', () => {
    let agenda = addEntries([], [e('a'), e('b')])
    agenda = addEntries(agenda, [e('b'), e('c')])
    expect(agenda.map((a) => a.documentId)).toEqual(['a', 'b', 'c'])
    expect(moveEntry(agenda, 'c', -1).map((a) => a.documentId)).toEqual(['a', 'c', 'b'])
    expect(moveEntry(agenda, 'a', -1).map((a) => a.documentId)).toEqual(['a', 'b', 'c'])
    expect(removeEntry(agenda, 'b').map((a) => a.documentId)).toEqual(['a', 'c'])
  })
})

describe('decision lines', () => {
  it('splits selected text into items without list markers', () => {
    expect(linesFromText('- Approve the SOC 2 budget\n\n• Pick a CDN vendor\n1. Hire a staff engineer\n[ ] Review DR plan\n   \n')).toEqual([
      'Approve the SOC 2 budget',
      'Pick a CDN vendor',
      'Hire a staff engineer',
      'Review DR plan',
    ])
  })

  it('sends questions with owner and due date only when given', () => {
    expect(
      itemsToSend([
        { question: ' Approve budget ', owner: ' Sam ', dueDate: '2026-12-01' },
        { question: 'Pick a vendor', owner: '', dueDate: '' },
        { question: '   ', owner: 'x', dueDate: '' },
        { question: 'Bad date', owner: '', dueDate: '12/01/2026' },
      ]),
    ).toEqual([
      { question: 'Approve budget', owner: 'Sam', dueDate: '2026-12-01' },
      { question: 'Pick a vendor' },
      { question: 'Bad date' },
    ])
  })
})

describe('announcedStatus', () => {
  it('is the furthest-along status anyone in the room announces', async () => {
    const { announcedStatus } = await import('../../../client/src/meetings/useMeetingStatusSync')
    expect(announcedStatus(new Map<number, unknown>([[1, {}], [2, null]]))).toBeNull()
    expect(announcedStatus(new Map<number, unknown>([[1, { meeting: { status: 'in-progress' } }], [2, { meeting: { status: 'ended' } }]]))).toBe('ended')
    expect(announcedStatus(new Map<number, unknown>([[1, { meeting: { status: 'bogus' } }]]))).toBeNull()
  })
})
