// What an instance publishes on a document's Redis channel after a commit: which instance, the
// sequence numbers the database gave the rows, and the rows' updates merged into one; and on the
// control channel, a revocation as JSON. Pure bytes in and out; a message that does not decode
// throws (and is dropped: the gap it leaves is read back, a lost revocation is found by the re-check).
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { z } from 'zod'
import { Revocation } from '../sync/revocation'

/** Bumped if the layout changes, so instances of two releases ignore each other's messages. */
const FORMAT = 1
const CHANNEL_PREFIX = 'quorum:doc:'
/** One channel for control messages (revocations) that every instance subscribes. */
export const CONTROL_CHANNEL = 'quorum:control'

export interface CommittedRows {
  instanceId: string
  /** The rows are firstSeq … firstSeq + count − 1 of the document's log. */
  firstSeq: number
  count: number
  update: Uint8Array
}

export const documentChannel = (documentId: string): string => CHANNEL_PREFIX + documentId

/** The document of a channel, or null for a channel that is not a document's. */
export function documentOfChannel(channel: string): string | null {
  return channel.startsWith(CHANNEL_PREFIX) ? channel.slice(CHANNEL_PREFIX.length) : null
}

export function encodeCommittedRows(m: CommittedRows): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, FORMAT)
  encoding.writeVarString(encoder, m.instanceId)
  encoding.writeVarUint(encoder, m.firstSeq)
  encoding.writeVarUint(encoder, m.count)
  encoding.writeVarUint8Array(encoder, m.update)
  return encoding.toUint8Array(encoder)
}

export function decodeCommittedRows(bytes: Uint8Array): CommittedRows {
  const decoder = decoding.createDecoder(bytes)
  const format = decoding.readVarUint(decoder)
  if (format !== FORMAT) throw new Error(`unknown fan-out message format ${format}`)
  const m = {
    instanceId: decoding.readVarString(decoder),
    firstSeq: decoding.readVarUint(decoder),
    count: decoding.readVarUint(decoder),
    update: decoding.readVarUint8Array(decoder),
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after a fan-out message')
  // A batch is one event-loop turn of one instance: far fewer rows than this.
  if (m.firstSeq < 1 || m.count < 1 || m.count > 1_000_000) throw new Error(`a fan-out message with ${m.count} rows`)
  return m
}

const ControlMessage = z.object({ instanceId: z.string(), revocation: Revocation })
export type ControlMessage = z.infer<typeof ControlMessage>

export const encodeControl = (m: ControlMessage): string => JSON.stringify(m)
export const decodeControl = (text: string): ControlMessage => ControlMessage.parse(JSON.parse(text))
