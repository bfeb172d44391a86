// Finds sync sockets whose peer is gone without a close (a laptop lid shut, Wi-Fi dropped, a
// browser gone offline): TCP alone may not notice for minutes, and until the socket closes the
// person still shows as present. Every interval each socket is pinged; one that has not answered
// the previous ping is terminated. Its close then runs the usual leave, which removes its
// awareness states and tells the room. A dead peer is dropped within two intervals.
// Only public ws API (clients, ping, 'pong', terminate), and nothing on the message path.
import type { WebSocket, WebSocketServer } from 'ws'

export interface Heartbeat {
  stop(): void
}

export function startHeartbeat(wss: WebSocketServer, intervalMs: number): Heartbeat {
  const watched = new WeakSet<WebSocket>()
  const awaitingPong = new WeakSet<WebSocket>()
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (ws.readyState !== ws.OPEN) continue
      if (!watched.has(ws)) {
        watched.add(ws)
        ws.on('pong', () => awaitingPong.delete(ws))
      } else if (awaitingPong.has(ws)) {
        ws.terminate()
        continue
      }
      awaitingPong.add(ws)
      ws.ping()
    }
  }, intervalMs)
  // The heartbeat alone must not keep a stopping process alive.
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
