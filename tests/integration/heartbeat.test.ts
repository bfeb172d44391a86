// A peer that vanished without closing its socket (no close frame, no FIN: a shut laptop, dead
// Wi-Fi) is found by the server's ping/pong heartbeat, dropped, and leaves everyone's presence.
import * as encoding from 'lib0/encoding'
import WS from 'ws'
import * as Y from 'yjs'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc, type SyncClient } from '../helpers/sync-client'
import { sleep, waitFor } from '../helpers/wait'

const HEARTBEAT_MS = 300
const MESSAGE_AWARENESS = 1

let server: TestServer
const clients: SyncClient[] = []
beforeAll(async () => { server = await startServer({ tuning: { heartbeatMs: HEARTBEAT_MS } }) })
afterEach(() => { while (clients.length) clients.pop()!.destroy() })
afterAll(async () => { await server?.dispose() })

/** A socket that announces a presence and then never answers a ping, as if its peer had gone. */
function silentPeer(documentId: string, cookie: string, name: string) {
  const ws = new WS(`${server.url.replace(/^http/, 'ws')}/api/sync/${documentId}`, { headers: { cookie, origin: server.url }, autoPong: false })
  const awareness = new Awareness(new Y.Doc())
  awareness.setLocalStateField('user', { name })
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
  ws.on('open', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]))
    ws.send(encoding.toUint8Array(encoder))
  })
  let pings = 0
  ws.on('ping', () => pings++)
  return { clientId: awareness.clientID, closed, pings: () => pings }
}

describe('sync heartbeat', () => {
  it('terminates a socket that stops answering pings and removes its presence for the others', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url)
    const editor = await addMember('Eddie', 'editor')
    const watcher = connectDoc(server.url, documentId, owner.cookie)
    clients.push(watcher)
    await watcher.synced()

    const peer = silentPeer(documentId, editor.cookie, 'Eddie')
    await waitFor(() => watcher.provider.awareness.getStates().get(peer.clientId), { message: 'the peer shows as present' })
    await waitFor(() => !watcher.provider.awareness.getStates().has(peer.clientId), { timeoutMs: 10 * HEARTBEAT_MS, message: 'the peer leaves presence' })
    // Dropped by the heartbeat (an abnormal close seen from the peer), after it was pinged.
    expect(await peer.closed).toBe(1006)
    expect(peer.pings()).toBeGreaterThan(0)
  })

  it('keeps a client that answers pings connected across many intervals', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url)
    const client = connectDoc(server.url, documentId, owner.cookie)
    clients.push(client)
    await client.synced()
    await sleep(6 * HEARTBEAT_MS)
    expect(client.closes).toEqual([])
    expect(client.provider.wsconnected).toBe(true)
  })
})
