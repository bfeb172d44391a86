// Ready-made frames written straight to the socket must arrive exactly as ws.send would deliver
// them: every payload size class of the frame header, in order with frames ws itself sends, and
// through ws.send after all when an extension (compression) was negotiated.
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { binaryFrame, FrameWriter } from '../../../server/sync/websocket-frames'

interface Pair { server: WebSocket; client: WebSocket; received: Buffer[]; close(): Promise<void> }

async function connectPair(perMessageDeflate: boolean): Promise<Pair> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate })
  await new Promise<void>((resolve) => wss.on('listening', () => resolve()))
  const port = (wss.address() as { port: number }).port
  const serverSide = new Promise<WebSocket>((resolve) => wss.on('connection', (ws) => resolve(ws)))
  const client = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate })
  const received: Buffer[] = []
  client.on('message', (data: Buffer, isBinary) => { if (isBinary) received.push(data) })
  await new Promise((resolve) => client.on('open', resolve))
  const server = await serverSide
  return {
    server, client, received,
    close: async () => {
      client.close()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 5))
  }
}

const payload = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff)

describe('websocket frames', () => {
  const pairs: Pair[] = []
  afterEach(async () => { for (const p of pairs.splice(0)) await p.close() })

  it('builds the header for 7-bit, 16-bit and 64-bit payload lengths', () => {
    expect([...binaryFrame(payload(5, 1)).subarray(0, 2)]).toEqual([0x82, 5])
    const medium = binaryFrame(payload(300, 1))
    expect([...medium.subarray(0, 4)]).toEqual([0x82, 126, 300 >> 8, 300 & 0xff])
    expect(medium.length).toBe(4 + 300)
    const large = binaryFrame(payload(70_000, 1))
    expect(large[1]).toBe(127)
    expect(large.readBigUInt64BE(2)).toBe(70_000n)
    expect(large.length).toBe(10 + 70_000)
  })

  it('delivers each payload intact and in order with frames sent through ws itself', async () => {
    const pair = await connectPair(false)
    pairs.push(pair)
    const writer = new FrameWriter()
    const sent = [payload(1, 1), payload(125, 2), payload(126, 3), payload(65_535, 4), payload(65_536, 5), payload(200_000, 6)]
    for (const [i, p] of sent.entries()) {
      if (i % 2 === 0) writer.send(pair.server, p)
      else pair.server.send(p)
    }
    await until(() => pair.received.length === sent.length)
    expect(pair.received.map((b) => b.length)).toEqual(sent.map((p) => p.length))
    // Buffer.compare, not toEqual: a deep comparison of 300 kB element by element takes a second.
    expect(pair.received.map((b, i) => Buffer.compare(b, sent[i]))).toEqual(sent.map(() => 0))
  })

  it('sends one message to several connections, and a new message after it, each intact', async () => {
    const a = await connectPair(false)
    const b = await connectPair(false)
    pairs.push(a, b)
    const writer = new FrameWriter()
    const first = payload(40, 7)
    const second = payload(40, 8)
    for (const p of [a, b]) writer.send(p.server, first)
    for (const p of [a, b]) writer.send(p.server, second)
    await until(() => a.received.length === 2 && b.received.length === 2)
    for (const p of [a, b]) expect(p.received.map((x) => new Uint8Array(x))).toEqual([first, second])
  })

  it('goes through ws.send when the connection negotiated compression', async () => {
    const pair = await connectPair(true)
    pairs.push(pair)
    const writer = new FrameWriter()
    const big = new Uint8Array(10_000).fill(65)
    writer.send(pair.server, big)
    await until(() => pair.received.length === 1)
    expect(new Uint8Array(pair.received[0])).toEqual(big)
    // A raw frame on a compressing connection would still parse; the proof it was compressed is the
    // byte count on the wire, far below the payload.
    const wireBytes = (pair.client as unknown as { _socket: { bytesRead: number } })._socket.bytesRead
    expect(wireBytes).toBeLessThan(2000)
  })
})
