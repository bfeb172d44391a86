// What an instance publishes on a document's Redis channel: after a commit, the sequence numbers
// the database gave the rows and the rows' updates merged into one; the presence of the people
// connected to it (awareness, identity stamped by that instance); and on the
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

/** Rows `firstSeq` … `firstSeq + count − 1` of the document's log, their updates merged into one. */
export interface CommittedRows { kind: 'rows'; instanceId: string; firstSeq: number; count: number; update: Uint8Array }
/** An awareness update (y-protocols encoding) of people connected to `instanceId`, identity stamped there. */
export interface Presence { kind: 'presence'; instanceId: string; update: Uint8Array }
/** A notice frame (shared/sync-notices.ts) for every connection of the document, sent as it is. */
export interface Notice { kind: 'notice'; instanceId: string; update: Uint8Array }
/**
 * Rows `firstSeq` … of a restore that removed content nested beyond the limits (commitRestore stored
 * the document it leaves): a room elsewhere closes its connections with 4410 and reloads from the
 * database instead of applying the deletion, which would overflow its stack (Room.replaceDoc).
 */
export interface Reopen { kind: 'reopen'; instanceId: string; firstSeq: number; count: number }
export type DocumentMessage = CommittedRows | Presence | Notice | Reopen

const KIND_ROWS = 0
const KIND_PRESENCE = 1
const KIND_NOTICE = 2
const KIND_REOPEN = 3

export const documentChannel = (documentId: string): string => CHANNEL_PREFIX + documentId

/** The document of a channel, or null for a channel that is not a document's. */
export function documentOfChannel(channel: string): string | null {
  return channel.startsWith(CHANNEL_PREFIX) ? channel.slice(CHANNEL_PREFIX.length) : null
}

export function encodeDocumentMessage(m: DocumentMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, FORMAT)
  encoding.writeVarString(encoder, m.instanceId)
  if (m.kind === 'rows' || m.kind === 'reopen') {
    encoding.writeVarUint(encoder, m.kind === 'rows' ? KIND_ROWS : KIND_REOPEN)
    encoding.writeVarUint(encoder, m.firstSeq)
    encoding.writeVarUint(encoder, m.count)
  } else {
    encoding.writeVarUint(encoder, m.kind === 'presence' ? KIND_PRESENCE : KIND_NOTICE)
  }
  if (m.kind !== 'reopen') encoding.writeVarUint8Array(encoder, m.update)
  return encoding.toUint8Array(encoder)
}

export function decodeDocumentMessage(bytes: Uint8Array): DocumentMessage {
  const decoder = decoding.createDecoder(bytes)
  const format = decoding.readVarUint(decoder)
  if (format !== FORMAT) throw new Error(`unknown fan-out message format ${format}`)
  const instanceId = decoding.readVarString(decoder)
  const kind = decoding.readVarUint(decoder)
  let m: DocumentMessage
  if (kind === KIND_REOPEN) {
    m = { kind: 'reopen', instanceId, firstSeq: decoding.readVarUint(decoder), count: decoding.readVarUint(decoder) }
  } else if (kind === KIND_ROWS) {
    const firstSeq = decoding.readVarUint(decoder)
    const count = decoding.readVarUint(decoder)
    // A batch is one event-loop turn of one instance: far fewer rows than this.
    if (firstSeq < 1 || count < 1 || count > 1_000_000) throw new Error(`a fan-out message with ${count} rows`)
    m = { kind: 'rows', instanceId, firstSeq, count, update: decoding.readVarUint8Array(decoder) }
  } else if (kind === KIND_PRESENCE) {
    m = { kind: 'presence', instanceId, update: decoding.readVarUint8Array(decoder) }
  } else if (kind === KIND_NOTICE) {
    m = { kind: 'notice', instanceId, update: decoding.readVarUint8Array(decoder) }
  } else {
    throw new Error(`unknown fan-out message kind ${kind}`)
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after a fan-out message')
  return m
}

const ControlMessage = z.object({ instanceId: z.string(), revocation: Revocation })
export type ControlMessage = z.infer<typeof ControlMessage>

export const encodeControl = (m: ControlMessage): string => JSON.stringify(m)
export const decodeControl = (text: string): ControlMessage => ControlMessage.parse(JSON.parse(text))

/** One channel every instance subscribes: whose notification inboxes changed (their streams refetch the count). */
export const INBOX_CHANNEL = 'quorum:inbox'
const InboxMessage = z.object({ instanceId: z.string(), userIds: z.array(z.string()).max(1_000) })
export type InboxMessage = z.infer<typeof InboxMessage>
export const encodeInbox = (m: InboxMessage): string => JSON.stringify(m)
export const decodeInbox = (text: string): InboxMessage => InboxMessage.parse(JSON.parse(text))
