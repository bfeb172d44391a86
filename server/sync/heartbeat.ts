// Finds sync sockets whose peer is gone without a close (a laptop lid shut, Wi-Fi dropped, a
// browser gone offline): TCP alone may not notice for minutes, and until the socket closes the
// person still shows as present. Every interval each socket is pinged; one that has not answered
// the previous ping is terminated. Its close then runs the usual leave, which removes its
// awareness states and tells the room. A dead peer is dropped within two intervals.
// Only public ws API (clients, ping, 'pong', terminate), and nothing on the message path.
import type { WebSocket, WebSocketServer } from 'ws'
import { contained, type FaultLog } from './contained'

export interface Heartbeat {
  stop(): void
}

export function startHeartbeat(wss: WebSocketServer, intervalMs: number, log: FaultLog): Heartbeat {
  const watched = new WeakSet<WebSocket>()
  const awaitingPong = new WeakSet<WebSocket>()
  // Per socket: a fault with one (it is terminated) neither ends the process nor skips the others.
  const beat = (ws: WebSocket) => contained(log, 'heartbeat of a socket', () => {
    if (ws.readyState !== ws.OPEN) return
    if (!watched.has(ws)) {
      watched.add(ws)
      ws.on('pong', () => awaitingPong.delete(ws))
    } else if (awaitingPong.has(ws)) {
      ws.terminate()
      return
    }
    awaitingPong.add(ws)
    ws.ping()
  }, () => ws.terminate())()
  const timer = setInterval(() => { for (const ws of wss.clients) beat(ws) }, intervalMs)
  // The heartbeat alone must not keep a stopping process alive.
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
