// Per server kind: prepare N documents and say how a client reaches one (URL, headers, framing),
// plus a stock-provider verifier (y-websocket's WebsocketProvider / HocuspocusProvider).
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WS from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { isQuorum, type ServerInfo } from '../servers/types'
import type { ClientTarget } from './client'
import { hocuspocusCodec, yWebsocketCodec } from './protocol'
import { setupQuorum } from './quorum-setup'

export interface Targets {
  documents: number
  /** How client `clientIndex` reaches document `doc`. */
  target(doc: number, clientIndex: number): ClientTarget
  /** Several instances: which one client `clientIndex` reaches (the clients of each document alternate). */
  instanceOf(clientIndex: number): number
  /** A fresh stock client; resolves once it has synced. */
  stockVerifier(doc: number): Promise<{ doc: Y.Doc; destroy(): void }>
}

export async function prepareTargets(server: ServerInfo, documents: number, clients: number): Promise<Targets> {
  const wsBase = server.url.replace(/^http/, 'ws')
  const runTag = Math.random().toString(36).slice(2, 8)
  const urls = server.instanceUrls ?? [server.url]
  const instanceOf = (i: number) => Math.floor(i / documents) % urls.length
  if (isQuorum(server.kind)) {
    const setup = await setupQuorum(server.url, documents, clients)
    const headersFor = (i: number) => ({ cookie: setup.cookies[i % setup.cookies.length], origin: urls[instanceOf(i)] })
    return {
      documents, instanceOf,
      target: (doc, i) => ({ wsUrl: `${urls[instanceOf(i)].replace(/^http/, 'ws')}/api/sync/${setup.documentIds[doc]}`, headers: headersFor(i), codec: yWebsocketCodec }),
      stockVerifier: (doc) => yProvider(`${wsBase}/api/sync`, setup.documentIds[doc], headersFor(0)),
    }
  }
  const names = Array.from({ length: documents }, (_, i) => `bench-${runTag}-${i}`)
  if (server.kind === 'y-websocket') {
    return {
      documents, instanceOf,
      target: (doc) => ({ wsUrl: `${wsBase}/${names[doc]}`, codec: yWebsocketCodec }),
      stockVerifier: (doc) => yProvider(wsBase, names[doc], {}),
    }
  }
  return {
    documents, instanceOf,
    target: (doc) => ({ wsUrl: wsBase, codec: hocuspocusCodec(names[doc]) }),
    stockVerifier: (doc) => hpProvider(wsBase, names[doc]),
  }
}

function yProvider(base: string, room: string, headers: Record<string, string>): Promise<{ doc: Y.Doc; destroy(): void }> {
  class HeaderWS extends WS {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(base, room, doc, { WebSocketPolyfill: HeaderWS as unknown as typeof WebSocket, disableBc: true })
  const destroy = () => { provider.destroy(); doc.destroy() }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { destroy(); reject(new Error(`stock verifier did not sync ${room}`)) }, 60_000)
    const done = () => { clearTimeout(timer); resolve({ doc, destroy }) }
    if (provider.synced) done()
    else provider.once('sync', (s: boolean) => { if (s) done() })
  })
}

function hpProvider(url: string, name: string): Promise<{ doc: Y.Doc; destroy(): void }> {
  const doc = new Y.Doc()
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WS as unknown as typeof WebSocket })
  const provider = new HocuspocusProvider({ name, document: doc, websocketProvider: socket })
  const destroy = () => { provider.destroy(); socket.destroy(); doc.destroy() }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { destroy(); reject(new Error(`stock verifier did not sync ${name}`)) }, 60_000)
    provider.on('synced', () => { clearTimeout(timer); resolve({ doc, destroy }) })
    provider.attach()
  })
}
