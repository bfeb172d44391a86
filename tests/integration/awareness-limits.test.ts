// Presence is bounded: a state over 64 kB closes only its sender (4413) and never reaches anyone, and
// a flood of updates is coalesced to a few relays a second, the latest state last (issue #17, item 8).
import * as decoding from 'lib0/decoding'
import WS from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/close-codes'
import { decodeAwarenessUpdate, encodeAwareness, encodeAwarenessUpdate } from '../../server/sync/protocol'
import { workspaceWithDocument } from '../helpers/api'
import { openRawSocket, type RawSocket } from '../helpers/raw-socket'
import { startServer, type TestServer } from '../helpers/server'
import { sleep, waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

const MB = 1024 * 1024
const MESSAGE_AWARENESS = 1

function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  return encodeAwareness(encodeAwarenessUpdate([{ clientId, clock, stateJson: JSON.stringify(state) }]))
}

/** The awareness entries in the frames a socket received. */
function awarenessEntries(socket: RawSocket) {
  return socket.frames.flatMap((f) => {
    const d = decoding.createDecoder(f)
    if (decoding.readVarUint(d) !== MESSAGE_AWARENESS) return []
    return [decodeAwarenessUpdate(decoding.readVarUint8Array(d))]
  })
}

describe('awareness limits', () => {
  it('a viewer setting 8 states of 10 MB is closed (4413); observers stay connected and get no frame over 1 MB', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url)
    const vandal = await addMember('Val Vandal', 'viewer')
    const observers = [await openRawSocket(server.url, documentId, owner.cookie), await openRawSocket(server.url, documentId, (await addMember('Obi Observer', 'viewer')).cookie)]
    const bad = await openRawSocket(server.url, documentId, vandal.cookie)
    const huge = 'x'.repeat(10 * MB)
    for (let i = 0; i < 8; i++) bad.send(awarenessFrame(1000 + i, 1, { cursor: null, junk: huge }))
    expect((await bad.closed).code).toBe(CloseCode.awarenessTooLarge)
    const joiner = await openRawSocket(server.url, documentId, owner.cookie)
    await sleep(500)
    for (const s of [...observers, joiner]) {
      expect(s.ws.readyState).toBe(WS.OPEN)
      expect(Math.max(0, ...s.frames.map((f) => f.byteLength))).toBeLessThan(MB)
    }
    // A normal state still goes through.
    observers[0].send(awarenessFrame(7, 1, { cursor: null, name: 'fine' }))
    await waitFor(() => awarenessEntries(observers[1]).some((u) => u.some((e) => e.clientId === 7)))
    for (const s of [...observers, joiner]) s.ws.close()
  }, 60_000)

  it('20,000 updates in 2 s are coalesced: observers get a few relays a second, and the last state', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url)
    const observer = await openRawSocket(server.url, documentId, (await addMember('Obi Observer', 'viewer')).cookie)
    const sender = await openRawSocket(server.url, documentId, owner.cookie)
    const clientId = 4242
    const started = Date.now()
    for (let batch = 0; batch < 20; batch++) {
      for (let i = 1; i <= 1000; i++) {
        const clock = batch * 1000 + i
        sender.send(awarenessFrame(clientId, clock, { cursor: { anchor: clock, head: clock } }))
      }
      await sleep(100)
    }
    const last = 20_000
    await waitFor(() => awarenessEntries(observer).some((u) => u.some((e) => e.clientId === clientId && e.clock === last)), { message: 'the last state reached the observer' })
    const seconds = (Date.now() - started) / 1000
    const relays = awarenessEntries(observer).filter((u) => u.some((e) => e.clientId === clientId)).length
    // At most 4 a second (plus one at the start), over however long the burst took to arrive.
    expect(relays).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 2)
    expect(sender.ws.readyState).toBe(WS.OPEN)
    observer.ws.close()
    sender.ws.close()
  })
})
