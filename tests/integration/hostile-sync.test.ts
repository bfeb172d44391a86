// Hostile frames against the real server: each closes only the offending connection with a
// documented code; the server stays up, other clients keep editing, nothing bad is stored.
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/close-codes'
import { workspaceWithDocument } from '../helpers/api'
import { openRawSocket } from '../helpers/raw-socket'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc, type SyncClient } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
let ctx: Awaited<ReturnType<typeof workspaceWithDocument>>
let witness: SyncClient
const LIMIT = 64 * 1024

beforeAll(async () => {
  server = await startServer({ tuning: { maxMessageBytes: LIMIT } })
})
afterAll(async () => { await server?.dispose() })
afterEach(() => witness?.destroy())

function frame(...parts: ((e: encoding.Encoder) => void)[]): Uint8Array {
  const e = encoding.createEncoder()
  for (const p of parts) p(e)
  return encoding.toUint8Array(e)
}
const varUint = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n)
const bytes = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, b)

const HOSTILE: [string, Uint8Array | string, number][] = [
  ['binary garbage', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), CloseCode.malformedMessage],
  ['a text frame', 'hello', CloseCode.malformedMessage],
  ['a truncated varint', new Uint8Array([0x80]), CloseCode.malformedMessage],
  ['an empty frame', new Uint8Array([]), CloseCode.malformedMessage],
  ['an unknown message type', frame(varUint(7), varUint(0)), CloseCode.malformedMessage],
  ['an unknown sync type', frame(varUint(0), varUint(9), bytes(new Uint8Array([0, 0]))), CloseCode.malformedMessage],
  ['a payload length past the end', frame(varUint(0), varUint(2), varUint(1000)), CloseCode.malformedMessage],
  ['trailing bytes', new Uint8Array([...frame(varUint(0), varUint(2), bytes(new Uint8Array([0, 0]))), 9, 9]), CloseCode.malformedMessage],
  ['an update Yjs cannot apply', frame(varUint(0), varUint(2), bytes(new Uint8Array([5, 200, 1, 0xff, 0xff, 0xff, 7, 7]))), CloseCode.invalidUpdate],
  ['a garbage state vector', frame(varUint(0), varUint(0), bytes(new Uint8Array([9, 0xff]))), CloseCode.malformedMessage],
  ['a garbage awareness update', frame(varUint(1), bytes(new Uint8Array([1, 1, 1, 3, 0x7b, 0x7b, 0x7b]))), CloseCode.malformedMessage],
  ['a frame over the size limit', new Uint8Array(LIMIT + 1024), CloseCode.messageTooBig],
]

describe('hostile frames on the sync socket', () => {
  for (const [name, payload, expectedCode] of HOSTILE) {
    for (const when of ['before', 'after'] as const) {
      it(`${name} ${when} the handshake closes only that connection (${expectedCode})`, async () => {
        ctx ??= await workspaceWithDocument(server.url)
        witness = connectDoc(server.url, ctx.documentId, ctx.owner.cookie)
        await witness.synced()
        witness.doc.getText('t').insert(0, 'x')
        const before = witness.doc.getText('t').toString()

        const raw = await openRawSocket(server.url, ctx.documentId, ctx.owner.cookie)
        if (when === 'after') await waitFor(() => raw.frames.length > 0)
        raw.send(payload)
        const closed = await raw.closed
        expect(closed.code).toBe(expectedCode)

        // The other client is unaffected and the server still accepts edits.
        witness.doc.getText('t').insert(0, 'y')
        const probe = connectDoc(server.url, ctx.documentId, ctx.owner.cookie)
        await probe.synced()
        await waitFor(() => probe.doc.getText('t').toString() === 'y' + before)
        expect(witness.closes).toEqual([])
        probe.destroy()
      })
    }
  }

  it('never stores an update that failed validation', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url)
    const before = connectDoc(server.url, documentId, owner.cookie)
    await before.synced()
    const expected = Y.encodeStateVector(before.doc)
    before.destroy()
    const raw = await openRawSocket(server.url, documentId, owner.cookie)
    raw.send(frame(varUint(0), varUint(2), bytes(new Uint8Array([5, 200, 1, 0xff, 0xff, 0xff, 7, 7]))))
    expect((await raw.closed).code).toBe(CloseCode.invalidUpdate)
    const reader = connectDoc(server.url, documentId, owner.cookie)
    await reader.synced()
    expect(Y.encodeStateVector(reader.doc)).toEqual(expected)
    reader.destroy()
  })
})

describe('a client that stops reading', () => {
  let slowServer: TestServer
  const SEND_LIMIT = 256 * 1024
  beforeAll(async () => {
    slowServer = await startServer({ tuning: { sendBufferLimitBytes: SEND_LIMIT } })
  })
  afterAll(async () => { await slowServer?.dispose() })

  it('is closed (4508) once its unsent frames pass the limit; the writer and the document lose nothing', async () => {
    const { owner, documentId } = await workspaceWithDocument(slowServer.url)
    const writer = connectDoc(slowServer.url, documentId, owner.cookie)
    await writer.synced()
    const stalled = await openRawSocket(slowServer.url, documentId, owner.cookie)
    await waitFor(() => stalled.frames.length > 0)
    // Stop reading: the kernel's socket buffers fill, then the server's own send buffer would grow.
    const tcp = (stalled.ws as unknown as { _socket: import('node:net').Socket })._socket
    tcp.pause()
    const chunk = 'x'.repeat(100 * 1024)
    for (let i = 0; i < 120; i++) writer.doc.getText('t').insert(0, chunk) // ~12 MB relayed to the stalled socket (a document holds at most 16 MB)
    const expectedLength = writer.doc.getText('t').length

    const reader = connectDoc(slowServer.url, documentId, owner.cookie)
    await reader.synced()
    await waitFor(() => reader.doc.getText('t').length === expectedLength, { timeoutMs: 30_000 })
    // Reading again, the stalled client finds the close after what the server had queued for it.
    tcp.resume()
    const closed = await Promise.race([
      stalled.closed,
      new Promise<null>((r) => setTimeout(() => r(null), 15_000)),
    ])
    expect(closed?.code).toBe(CloseCode.tooSlow)
    expect(writer.closes).toEqual([])
    writer.destroy()
    reader.destroy()
  }, 60_000)
})
