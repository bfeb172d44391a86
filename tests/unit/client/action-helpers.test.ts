import { describe, expect, it } from 'vitest'
import type { ActionDto } from '../../../shared/api'
import { isOverdue, todayIso } from '../../../client/src/meetings/action-dates'
import { byOwner } from '../../../client/src/meetings/action-groups'
import { announcedRevisions } from '../../../client/src/meetings/useActionsSync'

const action = (id: string, ownerName: string, dueDate: string, status: ActionDto['status'] = 'open'): ActionDto => ({
  id, workspaceId: 'w', meetingId: 'm', meetingTitle: 'M', title: id, ownerId: ownerName.toLowerCase(), ownerName, dueDate, status,
  createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z',
})

describe('action items on the page', () => {
  it('groups by owner in name order, each soonest due first', () => {
    const groups = byOwner([action('a', 'Sam', '2026-12-20'), action('b', 'Alex', '2026-12-30'), action('c', 'Sam', '2026-12-02'), action('d', 'Alex', '2026-12-01')])
    expect(groups.map((g) => [g.ownerName, g.actions.map((a) => a.id)])).toEqual([['Alex', ['d', 'b']], ['Sam', ['c', 'a']]])
  })

  it('flags open items due before today, not done ones or those due today', () => {
    expect(todayIso(new Date(2026, 11, 5, 23, 59))).toBe('2026-12-05')
    expect(isOverdue(action('a', 'A', '2026-12-04'), '2026-12-05')).toBe(true)
    expect(isOverdue(action('a', 'A', '2026-12-05'), '2026-12-05')).toBe(false)
    expect(isOverdue(action('a', 'A', '2026-12-04', 'done'), '2026-12-05')).toBe(false)
  })

  it("reads other clients' change counters from presence, ignoring its own and malformed states", () => {
    const states = new Map<number, unknown>([[1, { actions: { rev: 3 } }], [2, { actions: { rev: 'x' } }], [3, null], [7, { actions: { rev: 9 } }]])
    expect([...announcedRevisions(states, 7)]).toEqual([[1, 3]])
  })
})
