import { describe, expect, it } from 'vitest'
import {
  findPresenter,
  followMode,
  isAtScroll,
  presentingWasTakenOver,
  readPresenting,
  scrollPosition,
  scrollTargetFor,
  shownDocument,
  throttle,
} from '../../../client/src/meetings/presenting'

const user = (id: string, role = 'owner', name = id) => ({ id, name, color: '#111', role })
const presenting = (documentId: string, since: number, scrollRatio = 0) => ({ documentId, scrollTop: 0, scrollRatio, since })

describe('readPresenting', () => {
  it('validates and clamps', () => {
    expect(readPresenting(null)).toBeNull()
    expect(readPresenting({ documentId: '' })).toBeNull()
    expect(readPresenting({ documentId: 'd', scrollTop: -5, scrollRatio: 7, since: 'x' })).toEqual({ documentId: 'd', scrollTop: 0, scrollRatio: 1, since: 0 })
  })
})

describe('findPresenter', () => {
  it('finds nobody when nobody presents', () => {
    expect(findPresenter(new Map<number, unknown>([[1, { user: user('a') }], [2, {}], [3, null]]))).toBeNull()
  })

  it('ignores viewers who claim to present', () => {
    const states = new Map<number, unknown>([[1, { user: user('v', 'viewer'), presenting: presenting('d1', 10) }]])
    expect(findPresenter(states)).toBeNull()
  })

  it('picks the one who started last, ties by lowest client id', () => {
    const states = new Map<number, unknown>([
      [5, { user: user('alex', 'owner', 'Alex Morgan'), presenting: presenting('d1', 10) }],
      [9, { user: user('sam', 'editor', 'Sam Rivera'), presenting: presenting('d2', 20) }],
      [2, { user: user('jo', 'viewer'), presenting: presenting('d3', 30) }],
    ])
    const p = findPresenter(states)!
    expect(p.userId).toBe('sam')
    expect(p.clientId).toBe(9)
    expect(p.presenting.documentId).toBe('d2')

    const tie = new Map<number, unknown>([
      [7, { user: user('a'), presenting: presenting('d1', 10) }],
      [3, { user: user('b'), presenting: presenting('d2', 10) }],
    ])
    expect(findPresenter(tie)!.clientId).toBe(3)
  })
})

describe('follow logic', () => {
  const states = new Map<number, unknown>([[5, { user: user('alex'), presenting: presenting('d2', 10, 0.5) }]])
  const presenter = findPresenter(states)

  it('derives the mode', () => {
    expect(followMode(null, 1, true)).toBe('alone')
    expect(followMode(presenter, 5, true)).toBe('presenting')
    expect(followMode(presenter, 1, true)).toBe('following')
    expect(followMode(presenter, 1, false)).toBe('free')
  })

  it('shows the presenter\'s document while following, else the own choice, else the first item', () => {
    const agenda = ['d1', 'd2', 'd3']
    expect(shownDocument('following', presenter, 'd3', agenda)).toBe('d2')
    expect(shownDocument('free', presenter, 'd3', agenda)).toBe('d3')
    expect(shownDocument('alone', null, null, agenda)).toBe('d1')
    // A presenter on a document that is not on this agenda is not followed there.
    expect(shownDocument('following', presenter, 'd3', ['d1', 'd3'])).toBe('d3')
    expect(shownDocument('alone', null, 'gone', agenda)).toBe('d1')
    expect(shownDocument('alone', null, null, [])).toBeNull()
  })

  it('gives way when someone else starts presenting later', () => {
    const both = new Map<number, unknown>([
      [1, { user: user('me'), presenting: presenting('d1', 10) }],
      [2, { user: user('them'), presenting: presenting('d1', 20) }],
    ])
    expect(presentingWasTakenOver(true, findPresenter(both), 1)).toBe(true)
    expect(presentingWasTakenOver(true, findPresenter(both), 2)).toBe(false)
    expect(presentingWasTakenOver(false, findPresenter(both), 1)).toBe(false)
  })
})

describe('scroll', () => {
  it('maps ratios between panes of different sizes', () => {
    const pos = scrollPosition(500, 2000, 1000) // presenter: max 1000
    expect(pos).toEqual({ scrollTop: 500, scrollRatio: 0.5 })
    expect(scrollTargetFor(pos, 3000, 600)).toBe(1200) // follower: max 2400
    expect(scrollTargetFor({ scrollTop: 0, scrollRatio: 1 }, 500, 800)).toBe(0) // nothing to scroll
    expect(scrollPosition(10, 500, 800)).toEqual({ scrollTop: 10, scrollRatio: 0 })
  })

  it('treats a couple of pixels as being there', () => {
    expect(isAtScroll(100, 101.5)).toBe(true)
    expect(isAtScroll(100, 110)).toBe(false)
  })
})

describe('throttle', () => {
  function fakeClock() {
    let now = 0
    let timers: { at: number; f: () => void }[] = []
    return {
      now: () => now,
      setTimeout: (f: () => void, ms: number) => {
        const t = { at: now + ms, f }
        timers.push(t)
        return t
      },
      clearTimeout: (t: unknown) => {
        timers = timers.filter((x) => x !== t)
      },
      advance(ms: number) {
        now += ms
        const due = timers.filter((t) => t.at <= now)
        timers = timers.filter((t) => t.at > now)
        due.forEach((t) => t.f())
      },
    }
  }

  it('sends the first call at once and the latest of a burst at the end', () => {
    const clock = fakeClock()
    const calls: number[] = []
    const send = throttle((n: number) => calls.push(n), 100, clock)
    send(1)
    send(2)
    send(3)
    expect(calls).toEqual([1])
    clock.advance(100)
    expect(calls).toEqual([1, 3])
    clock.advance(500)
    send(4)
    expect(calls).toEqual([1, 3, 4])
  })

  it('cancel drops a pending call', () => {
    const clock = fakeClock()
    const calls: number[] = []
    const send = throttle((n: number) => calls.push(n), 100, clock)
    send(1)
    send(2)
    send.cancel()
    clock.advance(200)
    expect(calls).toEqual([1])
  })
})
