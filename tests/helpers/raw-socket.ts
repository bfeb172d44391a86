// A raw WebSocket to the sync endpoint, for sending frames the stock client never would.
import WS from 'ws'

export interface RawSocket {
  ws: WS
  frames: Uint8Array[]
  closed: Promise<{ code: number; reason: string }>
  send(data: Uint8Array | string): void
}

export function openRawSocket(baseUrl: string, documentId: string, cookie: string): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WS(`${baseUrl.replace(/^http/, 'ws')}/api/sync/${documentId}`, { headers: { cookie, origin: baseUrl } })
    const frames: Uint8Array[] = []
    const closed = new Promise<{ code: number; reason: string }>((r) => ws.on('close', (code, reason) => r({ code, reason: reason.toString() })))
    ws.on('message', (data) => frames.push(new Uint8Array(data as Buffer)))
    ws.on('open', () => resolve({ ws, frames, closed, send: (d) => ws.send(d) }))
    ws.on('error', reject)
    ws.on('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)))
  })
}
