// A page that comes back online reconnects with the same awareness client id while the server may
// still hold its old, silently dead socket. The same person's new socket takes the id over; the
// old socket's later close must not remove the live presence. Another person still cannot.
import { describe, expect, it } from 'vitest'
import { AwarenessRegistry } from '../../../server/sync/awareness-registry'
import type { Connection } from '../../../server/sync/connection'
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from '../../../server/sync/protocol'

function connection(id: number, userId: string): Connection {
  return {
    id, user: { id: userId, name: userId, email: `${userId}@x` }, sessionId: `s${id}`, role: 'editor', canWrite: true,
    awarenessClientIds: new Set<number>(), isOpen: () => true, send: () => {}, close: () => {},
  }
}
const update = (clientId: number, clock: number, state: object | null) => encodeAwarenessUpdate([{ clientId, clock, stateJson: JSON.stringify(state) }])

describe('awareness client id takeover', () => {
  it('moves a client id to the same user\'s new connection, so the old one\'s close removes nothing', () => {
    const reg = new AwarenessRegistry()
    const old = connection(1, 'alex'), fresh = connection(2, 'alex')
    reg.accept(old, update(7, 1, { cursor: 1 }))
    expect(reg.accept(fresh, update(7, 2, { cursor: 2 }))).not.toBeNull()
    expect(reg.removeConnection(old)).toBeNull()
    expect(decodeAwarenessUpdate(reg.snapshot()!)[0].state).toMatchObject({ cursor: 2, user: { id: 'alex' } })
    expect(reg.removeConnection(fresh)).not.toBeNull()
    expect(reg.size).toBe(0)
  })

  it('takes the id over even with an unchanged clock (reconnected before its next renewal)', () => {
    const reg = new AwarenessRegistry()
    const old = connection(1, 'alex'), fresh = connection(2, 'alex')
    reg.accept(old, update(7, 3, { cursor: 1 }))
    expect(reg.accept(fresh, update(7, 3, { cursor: 1 }))).toBeNull()
    expect(reg.removeConnection(old)).toBeNull()
    expect(reg.size).toBe(1)
  })

  it('still refuses another user\'s connection', () => {
    const reg = new AwarenessRegistry()
    const alex = connection(1, 'alex'), sam = connection(2, 'sam')
    reg.accept(alex, update(7, 1, { cursor: 1 }))
    expect(reg.accept(sam, update(7, 9, { cursor: 5 }))).toBeNull()
    expect(reg.removeConnection(alex)).not.toBeNull()
  })
})

describe('awareness removal of a closed connection', () => {
  it('keeps the state\'s clock, so the client\'s next state (clock + 1) is newer for every peer', () => {
    const reg = new AwarenessRegistry()
    const conn = connection(1, 'alex')
    reg.accept(conn, update(7, 4, { cursor: 1 }))
    expect(decodeAwarenessUpdate(reg.removeConnection(conn)!)).toEqual([{ clientId: 7, clock: 4, state: null }])
  })
})
