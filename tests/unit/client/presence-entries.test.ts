import { describe, expect, it } from 'vitest'
import { AWAY_AFTER_MS, presenceEntries, type AwarenessView } from '../../../client/src/sync/presence-entries'

const user = (id: string, name: string) => ({ user: { id, name, color: '#123456', role: 'editor' } })

function view(self: number, clients: [number, object, number][]): AwarenessView {
  return {
    clientID: self,
    getStates: () => new Map(clients.map(([id, state]) => [id, state])),
    meta: new Map(clients.map(([id, , lastUpdated]) => [id, { lastUpdated }])),
  }
}

describe('presenceEntries', () => {
  const now = 1_000_000
  it('marks a person away once none of their states was renewed for AWAY_AFTER_MS', () => {
    const entries = presenceEntries(view(1, [
      [1, user('me', 'Me'), now - 60_000],
      [2, user('sam', 'Sam'), now - AWAY_AFTER_MS - 1],
      [3, user('ada', 'Ada'), now - AWAY_AFTER_MS + 1000],
    ]), 'me', now)
    expect(entries.map((e) => [e.name, e.away])).toEqual([['Me', false], ['Ada', false], ['Sam', true]])
  })

  it('is not away while any of the person\'s tabs renews', () => {
    const [sam] = presenceEntries(view(1, [
      [2, user('sam', 'Sam'), now - 40_000],
      [3, user('sam', 'Sam'), now - 1000],
    ]), 'me', now)
    expect(sam).toMatchObject({ connections: 2, away: false })
  })
})
