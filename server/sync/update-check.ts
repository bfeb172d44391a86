// Whether Yjs can read an update, without building it. Every edit is checked before it is stored
// and relayed (a malformed update must reach neither the log nor the other clients). Y.decodeUpdate
// answers that by building every struct and decoding every string, ~65 µs per edit at meeting pace
// on the relay path. This makes the same reads as Y.decodeUpdate in Yjs 13.6 (its
// lazyStructReaderGenerator, readItemContent and readDeleteSet with the v1 decoder), in the same
// order and with the same lib0 readers, so it throws exactly when Y.decodeUpdate throws; strings it
// only needs to validate (lib0 decodes them with a fatal UTF-8 decoder) are checked in place.
// tests/unit/server/update-check.test.ts compares the two on generated and mutated updates.
import { isUtf8 } from 'node:buffer'
import * as decoding from 'lib0/decoding'

/** Item info bits (Yjs: binary.BIT8, BIT7, BIT6, BITS5). */
const HAS_ORIGIN = 0x80
const HAS_RIGHT_ORIGIN = 0x40
const HAS_PARENT_SUB = 0x20
const CONTENT_REF = 0x1f
const SKIP = 10

export class InvalidUpdateError extends Error {}

/** Throws if Y.decodeUpdate would throw on `update`. */
export function checkUpdate(update: Uint8Array): void {
  const d = decoding.createDecoder(update)
  const clients = decoding.readVarUint(d)
  for (let i = 0; i < clients; i++) {
    const structs = decoding.readVarUint(d)
    decoding.readVarUint(d) // client
    decoding.readVarUint(d) // clock
    for (let j = 0; j < structs; j++) {
      // Past the end this is undefined, as in Yjs: then it reads as a GC and its length throws.
      const info = decoding.readUint8(d)
      if (info === SKIP) decoding.readVarUint(d)
      else if ((info & CONTENT_REF) !== 0) checkItem(d, info)
      else decoding.readVarUint(d) // GC length
    }
  }
  // The delete set: per client, its ranges (clock, length).
  const deleteClients = decoding.readVarUint(d)
  for (let i = 0; i < deleteClients; i++) {
    decoding.readVarUint(d)
    const ranges = decoding.readVarUint(d)
    for (let j = 0; j < ranges; j++) {
      decoding.readVarUint(d)
      decoding.readVarUint(d)
    }
  }
}

function checkItem(d: decoding.Decoder, info: number): void {
  if (info & HAS_ORIGIN) skipId(d)
  if (info & HAS_RIGHT_ORIGIN) skipId(d)
  const ownParentInfo = (info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0
  if (ownParentInfo) {
    if (decoding.readVarUint(d) === 1) checkString(d) // parent: a root type's name
    else skipId(d) // parent: an item
    if (info & HAS_PARENT_SUB) checkString(d)
  }
  checkContent(d, info & CONTENT_REF)
}

function checkContent(d: decoding.Decoder, ref: number): void {
  switch (ref) {
    case 1: // deleted
      decoding.readVarUint(d)
      return
    case 2: { // JSON (legacy)
      const count = decoding.readVarUint(d)
      for (let i = 0; i < count; i++) {
        const json = decoding.readVarString(d)
        if (json !== 'undefined') JSON.parse(json)
      }
      return
    }
    case 3: // binary
      decoding.readVarUint8Array(d)
      return
    case 4: // string
      checkString(d)
      return
    case 5: // embed
      JSON.parse(decoding.readVarString(d))
      return
    case 6: // format: key, JSON value
      checkString(d)
      JSON.parse(decoding.readVarString(d))
      return
    case 7: { // type
      const typeRef = decoding.readVarUint(d)
      if (typeRef === 3 || typeRef === 5) checkString(d) // XML element's or hook's name
      else if (typeRef > 6) throw new InvalidUpdateError(`unknown type ref ${typeRef}`)
      return
    }
    case 8: { // any
      const count = decoding.readVarUint(d)
      for (let i = 0; i < count; i++) decoding.readAny(d)
      return
    }
    case 9: { // subdocument: guid, options (Yjs reads options' properties, so null or undefined throw)
      checkString(d)
      const options = decoding.readAny(d)
      if (options === null || options === undefined) throw new InvalidUpdateError('subdocument without options')
      return
    }
    default:
      throw new InvalidUpdateError(`unknown content ref ${ref}`)
  }
}

function skipId(d: decoding.Decoder): void {
  decoding.readVarUint(d)
  decoding.readVarUint(d)
}

/** A length-prefixed string that must be valid UTF-8 (ASCII checked here, the rest natively). */
function checkString(d: decoding.Decoder): void {
  const bytes = decoding.readVarUint8Array(d)
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 0x80) {
      if (!isUtf8(bytes)) throw new InvalidUpdateError('string is not UTF-8')
      return
    }
  }
}
