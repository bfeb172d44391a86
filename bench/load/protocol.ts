// The two wire framings the load generator speaks, as pure functions.
// y-websocket (Quorum and @y/websocket-server): [msgType][syncType][payload].
// Hocuspocus: [docName][msgType][...], plus an auth handshake, per-update SyncStatus acks and Ping/Pong.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export type Incoming =
  | { t: 'step1'; stateVector: Uint8Array }
  | { t: 'step2'; update: Uint8Array }
  | { t: 'update'; update: Uint8Array }
  | { t: 'ping' }
  | { t: 'denied'; reason: string }
  | { t: 'other' }

export interface Codec {
  /** Frames a client sends as soon as the socket opens. */
  hello(stateVector: Uint8Array): Uint8Array[]
  step2(update: Uint8Array): Uint8Array
  update(update: Uint8Array): Uint8Array
  pong(): Uint8Array
  parse(frame: Uint8Array): Incoming
}

const SYNC = 0, STEP1 = 0, STEP2 = 1, UPDATE = 2

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

function readSync(d: decoding.Decoder): Incoming {
  const sub = decoding.readVarUint(d)
  const payload = decoding.readVarUint8Array(d)
  if (sub === STEP1) return { t: 'step1', stateVector: payload }
  if (sub === STEP2) return { t: 'step2', update: payload }
  if (sub === UPDATE) return { t: 'update', update: payload }
  return { t: 'other' }
}

export const yWebsocketCodec: Codec = {
  hello: (sv) => [frame((e) => { encoding.writeVarUint(e, SYNC); encoding.writeVarUint(e, STEP1); encoding.writeVarUint8Array(e, sv) })],
  step2: (u) => frame((e) => { encoding.writeVarUint(e, SYNC); encoding.writeVarUint(e, STEP2); encoding.writeVarUint8Array(e, u) }),
  update: (u) => frame((e) => { encoding.writeVarUint(e, SYNC); encoding.writeVarUint(e, UPDATE); encoding.writeVarUint8Array(e, u) }),
  pong: () => new Uint8Array(0),
  parse(f) {
    const d = decoding.createDecoder(f)
    const type = decoding.readVarUint(d)
    if (type === SYNC) return readSync(d)
    if (type === 2 /* auth */ && decoding.readVarUint(d) === 0) return { t: 'denied', reason: decoding.readVarString(d) }
    return { t: 'other' }
  },
}

const HP = { Sync: 0, Auth: 2, SyncStatus: 8, Ping: 9, Pong: 10 } as const
const HP_AUTH = { Token: 0, PermissionDenied: 1, Authenticated: 2 } as const

export function hocuspocusCodec(docName: string): Codec {
  const head = (e: encoding.Encoder, type: number) => { encoding.writeVarString(e, docName); encoding.writeVarUint(e, type) }
  return {
    hello: (sv) => [
      frame((e) => { head(e, HP.Auth); encoding.writeVarUint(e, HP_AUTH.Token); encoding.writeVarString(e, '') }),
      frame((e) => { head(e, HP.Sync); encoding.writeVarUint(e, STEP1); encoding.writeVarUint8Array(e, sv) }),
    ],
    step2: (u) => frame((e) => { head(e, HP.Sync); encoding.writeVarUint(e, STEP2); encoding.writeVarUint8Array(e, u) }),
    update: (u) => frame((e) => { head(e, HP.Sync); encoding.writeVarUint(e, UPDATE); encoding.writeVarUint8Array(e, u) }),
    pong: () => Uint8Array.of(HP.Pong),
    parse(f) {
      if (f.length === 1 && f[0] === HP.Ping) return { t: 'ping' }
      const d = decoding.createDecoder(f)
      decoding.readVarString(d)
      const type = decoding.readVarUint(d)
      if (type === HP.Sync || type === 4 /* SyncReply */) return readSync(d)
      if (type === HP.Auth && decoding.readVarUint(d) === HP_AUTH.PermissionDenied) return { t: 'denied', reason: decoding.readVarString(d) }
      return { t: 'other' }
    },
  }
}
