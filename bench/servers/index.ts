import { launchHocuspocus } from './hocuspocus'
import { launchQuorum } from './quorum'
import type { LaunchOptions, RunningServer, ServerKind } from './types'
import { launchYWebsocket } from './y-websocket'

export function launchServer(kind: ServerKind, opts: LaunchOptions = {}): Promise<RunningServer> {
  switch (kind) {
    case 'quorum': return launchQuorum(opts)
    case 'quorum-base': {
      const root = process.env.BENCH_QUORUM_BASE_ROOT
      if (!root) throw new Error('--servers=quorum-base needs BENCH_QUORUM_BASE_ROOT=/path/to/other/checkout')
      return launchQuorum(opts, root, 'quorum-base')
    }
    case 'y-websocket': return launchYWebsocket(opts)
    case 'hocuspocus': return launchHocuspocus(opts)
  }
}
