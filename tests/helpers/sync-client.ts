// A stock y-websocket client (WebsocketProvider) from Node, carrying a session cookie and Origin.
import * as decoding from 'lib0/decoding'
import WS from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MESSAGE_NOTICE } from '../../shared/sync-notices'
import { waitFor } from './wait'

export interface SyncClient {
  doc: Y.Doc
  provider: WebsocketProvider
  closes: { code: number; reason: string }[]
  denials: string[]
  synced(): Promise<void>
  destroy(): void
}

export function connectDoc(baseUrl: string, documentId: string, cookie: string, opts: { origin?: string; doc?: Y.Doc; connect?: boolean } = {}): SyncClient {
  const origin = opts.origin ?? baseUrl
  const closes: SyncClient['closes'] = []
  class CookieWebSocket extends WS {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin } })
      this.on('close', (code, reason) => closes.push({ code, reason: reason.toString() }))
    }
  }
  const doc = opts.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/api/sync', documentId, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof WebSocket,
    disableBc: true,
    connect: opts.connect ?? true,
    maxBackoffTime: 500,
  })
  // Quorum's notices (shared/sync-notices.ts) are not the stock client's: accept them quietly.
  provider.messageHandlers[MESSAGE_NOTICE] = () => {}
  const denials: string[] = []
  // messageAuth: record the server's permission-denied reason (the stock handler only logs it).
  provider.messageHandlers[2] = (_encoder, decoder) => {
    decoding.readVarUint(decoder)
    denials.push(decoding.readVarString(decoder))
  }
  return {
    doc, provider, closes, denials,
    synced: () => waitFor(() => provider.synced, { message: `sync of ${documentId}` }).then(() => undefined),
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}
