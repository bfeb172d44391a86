import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  ProtocolError, decodeAwarenessUpdate, decodeClientMessage, encodeAwarenessUpdate, encodePermissionDenied,
  encodeSyncStep1, encodeSyncStep2, encodeUpdate, isEmptyUpdate,
} from '../../../server/sync/protocol'

/** A frame exactly as the stock y-websocket client builds it. */
function clientFrame(build: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  build(e)
  return encoding.toUint8Array(e)
}

describe('decoding client frames', () => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'hello')

  it('reads sync step 1, step 2, update, awareness and awareness queries as the stock client sends them', () => {
    const step1 = clientFrame((e) => { encoding.writeVarUint(e, 0); syncProtocol.writeSyncStep1(e, doc) })
    expect(decodeClientMessage(step1)).toEqual({ type: 'sync-step-1', stateVector: Y.encodeStateVector(doc) })
    const step2 = clientFrame((e) => { encoding.writeVarUint(e, 0); syncProtocol.writeSyncStep2(e, doc) })
    expect(decodeClientMessage(step2)).toEqual({ type: 'sync-step-2', update: Y.encodeStateAsUpdate(doc) })
    const update = clientFrame((e) => { encoding.writeVarUint(e, 0); syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc)) })
    expect(decodeClientMessage(update)).toMatchObject({ type: 'update' })
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState({ cursor: 1 })
    const aw = clientFrame((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])) })
    const decoded = decodeClientMessage(aw)
    expect(decoded.type).toBe('awareness')
    expect(decodeAwarenessUpdate((decoded as { update: Uint8Array }).update)).toEqual([{ clientId: doc.clientID, clock: 1, state: { cursor: 1 } }])
    awareness.destroy()
    expect(decodeClientMessage(new Uint8Array([3]))).toEqual({ type: 'query-awareness' })
  })

  it('throws ProtocolError on garbage, truncation, unknown types and trailing bytes', () => {
    const bad = [
      new Uint8Array([]),
      new Uint8Array([0x80]),
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
      new Uint8Array([9]),
      new Uint8Array([0, 7, 0]),
      new Uint8Array([0, 2, 50, 1, 2]),
      new Uint8Array([3, 0]),
      new Uint8Array([2, 0]), // auth messages are server → client only
    ]
    for (const frame of bad) expect(() => decodeClientMessage(frame), String(frame)).toThrow(ProtocolError)
  })

  it('refuses awareness updates that are not a list of client states', () => {
    expect(() => decodeAwarenessUpdate(new Uint8Array([1, 1, 1, 1, 0x31]))).toThrow(ProtocolError) // state "1"
    expect(() => decodeAwarenessUpdate(new Uint8Array([1, 1]))).toThrow(ProtocolError)
    expect(decodeAwarenessUpdate(encodeAwarenessUpdate([{ clientId: 5, clock: 2, stateJson: 'null' }]))).toEqual([{ clientId: 5, clock: 2, state: null }])
  })
})

describe('encoding server frames', () => {
  it('produces frames the stock client protocol reads', () => {
    const server = new Y.Doc()
    server.getText('t').insert(0, 'abc')
    const client = new Y.Doc()
    for (const f of [encodeSyncStep2(Y.encodeStateAsUpdate(server)), encodeUpdate(Y.encodeStateAsUpdate(server))]) {
      const d = decoding.createDecoder(f)
      expect(decoding.readVarUint(d)).toBe(0)
      syncProtocol.readSyncMessage(d, encoding.createEncoder(), client, null)
    }
    expect(client.getText('t').toString()).toBe('abc')
    expect(encodeSyncStep1(Y.encodeStateVector(server))[0]).toBe(0)
    expect(Array.from(encodePermissionDenied('no')).slice(0, 2)).toEqual([2, 0])
  })

  it('recognises the 2-byte empty update the stock client answers with', () => {
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true)
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'x')
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc))).toBe(false)
  })
})
