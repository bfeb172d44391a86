import { launchHocuspocus } from './hocuspocus'
import { launchQuorum } from './quorum'
import type { LaunchOptions, RunningServer, ServerKind } from './types'
import { launchYWebsocket } from './y-websocket'

export function launchServer(kind: ServerKind, opts: LaunchOptions = {}): Promise<RunningServer> {
  switch (kind) {
    case 'quorum': return launchQuorum(opts)
    case 'y-websocket': return launchYWebsocket(opts)
    case 'hocuspocus': return launchHocuspocus(opts)
  }
}
