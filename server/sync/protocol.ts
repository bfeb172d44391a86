// The y-websocket wire format as pure functions: bytes in, a typed message (or a ProtocolError) out,
// and encoders for what the server sends. No I/O here; this module gets the hostile-input tests.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

export const SYNC_STEP_1 = 0
export const SYNC_STEP_2 = 1
export const SYNC_UPDATE = 2

export type ClientMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-step-2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }

export class ProtocolError extends Error {}

/** Decodes one frame. Throws ProtocolError on anything that is not exactly one well-formed message. */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  let message: ClientMessage
  const decoder = decoding.createDecoder(frame)
  try {
    const messageType = decoding.readVarUint(decoder)
    switch (messageType) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (syncType === SYNC_STEP_1) message = { type: 'sync-step-1', stateVector: payload }
        else if (syncType === SYNC_STEP_2) message = { type: 'sync-step-2', update: payload }
        else if (syncType === SYNC_UPDATE) message = { type: 'update', update: payload }
        else throw new ProtocolError(`unknown sync message type ${syncType}`)
        break
      }
      case MESSAGE_AWARENESS:
        message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
        break
      case MESSAGE_QUERY_AWARENESS:
        message = { type: 'query-awareness' }
        break
      default:
        throw new ProtocolError(`unknown message type ${messageType}`)
    }
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw new ProtocolError(`undecodable frame: ${(err as Error).message}`)
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message')
  return message
}

function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => syncMessage(SYNC_STEP_1, stateVector)
export const encodeSyncStep2 = (update: Uint8Array) => syncMessage(SYNC_STEP_2, update)
export const encodeUpdate = (update: Uint8Array) => syncMessage(SYNC_UPDATE, update)

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** y-protocols auth "permission denied": the stock client logs it; ours turns read-only. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AUTH)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarString(encoder, reason)
  return encoding.toUint8Array(encoder)
}

/** One client's entry in an awareness update. `state` is null when the client went away. */
export interface AwarenessEntry { clientId: number; clock: number; state: Record<string, unknown> | null }

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  try {
    const count = decoding.readVarUint(decoder)
    if (count > 10_000) throw new ProtocolError('too many awareness entries')
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const state = JSON.parse(decoding.readVarString(decoder)) as unknown
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new ProtocolError('awareness state is not an object')
      entries.push({ clientId, clock, state: state as AwarenessEntry['state'] })
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after awareness update')
    return entries
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw new ProtocolError(`undecodable awareness update: ${(err as Error).message}`)
  }
}

/** Encodes awareness entries whose states are already JSON strings (encoded once, sent to many). */
export function encodeAwarenessUpdate(entries: { clientId: number; clock: number; stateJson: string }[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId)
    encoding.writeVarUint(encoder, e.clock)
    encoding.writeVarString(encoder, e.stateJson)
  }
  return encoding.toUint8Array(encoder)
}

/** An empty Yjs update (no structs, no deletes), which the stock client sends in answer to sync step 1. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0
}
