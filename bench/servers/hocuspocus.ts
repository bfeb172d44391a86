// Reference 2: @hocuspocus/server 4 with its defaults and no extensions (no persistence, no auth).
// Imported: the launcher. Run directly: the server itself.
import { isMain, spawnServer } from './launch'
import type { LaunchOptions, RunningServer } from './types'

export function launchHocuspocus(opts: LaunchOptions = {}): Promise<RunningServer> {
  return spawnServer({ kind: 'hocuspocus', script: 'bench/servers/hocuspocus.ts', nodeArgs: opts.nodeArgs, portLine: /BENCH_PORT=(\d+)/ })
}

async function main() {
  const { Server } = await import('@hocuspocus/server')
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false })
  await server.listen()
  console.log(`BENCH_PORT=${server.address.port}`)
  process.once('SIGTERM', () => process.exit(0))
}

if (isMain(import.meta.filename)) void main()
