// Reference 1: @y/websocket-server 0.1.1 — its setupWSConnection on a plain http + ws server,
// no persistence, no auth. Imported: the launcher. Run directly: the server itself.
import http from 'node:http'
import { isMain, spawnServer } from './launch'
import type { LaunchOptions, RunningServer } from './types'

export function launchYWebsocket(opts: LaunchOptions = {}): Promise<RunningServer> {
  return spawnServer({ kind: 'y-websocket', script: 'bench/servers/y-websocket.ts', nodeArgs: opts.nodeArgs, portLine: /BENCH_PORT=(\d+)/ })
}

async function main() {
  const { WebSocketServer } = await import('ws')
  const { setupWSConnection } = (await import('@y/websocket-server/utils')) as { setupWSConnection: (ws: unknown, req: unknown) => void }
  const wss = new WebSocketServer({ noServer: true })
  wss.on('connection', setupWSConnection)
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.end('okay')
  })
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)))
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address()
    console.log(`BENCH_PORT=${typeof addr === 'object' && addr ? addr.port : 0}`)
  })
  process.once('SIGTERM', () => process.exit(0))
}

if (isMain(import.meta.filename)) void main()
