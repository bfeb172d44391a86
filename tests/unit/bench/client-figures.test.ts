import { describe, expect, it } from 'vitest'
import { editLatencies, newestMarkers, splitOffScreen } from '../../../bench/client/figures'
import type { SentEdit } from '../../../bench/client/remote-editors'

const edit = (marker: number, initiativeId: string, field: string, sentAt: number): SentEdit => ({ marker, editor: 0, initiativeId, field, sentAt })

describe('client bench figures with a windowed table', () => {
  const sent = [edit(1, 'a', 'owner', 10), edit(2, 'z', 'owner', 20), edit(3, 'z', 'title', 30), edit(4, 'z', 'owner', 40)]

  it('counts only owner edits to rows the table does not render as off screen (titles show on the timeline)', () => {
    const { inDom, offScreen } = splitOffScreen(sent, new Set(['a']))
    expect(inDom.map((e) => e.marker)).toEqual([1, 3])
    expect(offScreen.map((e) => e.marker)).toEqual([2, 4])
  })

  it('takes the newest edit of each field, and times only what reached the DOM', () => {
    expect(newestMarkers(sent)).toEqual(new Map([['a/owner', 1], ['z/owner', 4], ['z/title', 3]]))
    const { inDom } = splitOffScreen(sent, new Set(['a']))
    expect(editLatencies(inDom, { 1: 15, 3: 32 })).toEqual({ latencies: [5, 2], superseded: 0, lost: 0 })
  })
})
