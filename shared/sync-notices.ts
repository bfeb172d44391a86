// Server → client notices over the sync socket: one extra y-websocket message type (the stock
// types are 0 sync, 1 awareness, 2 auth, 3 query awareness). A notice is about the document, not in
// it: it never touches the Y.Doc, and a client that does not know the type ignores it.
// Wire format: varUint MESSAGE_NOTICE · varString JSON(SyncNotice).
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const MESSAGE_NOTICE = 16

export interface RestoredNotice {
  type: 'restored'
  documentId: string
  /** The version that was restored ("v3")… */
  restoredFrom: number
  /** …and the version the restore saved ("Restored v3"), for the compare link. */
  savedAs: number
  by: { id: string; name: string }
  at: string
}
/** A thread of the document was started, replied to, edited, resolved, reopened or deleted: refetch the list. */
export interface CommentsChangedNotice {
  type: 'comments'
  documentId: string
  commentId: string
}
/** The record of a meeting (decisions, attendance, minutes approval) changed: refetch the meeting. Sent on its notes document. */
export interface MeetingChangedNotice {
  type: 'meeting'
  documentId: string
  meetingId: string
}
export type SyncNotice = RestoredNotice | CommentsChangedNotice | MeetingChangedNotice

export function encodeNotice(notice: SyncNotice): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_NOTICE)
  encoding.writeVarString(encoder, JSON.stringify(notice))
  return encoding.toUint8Array(encoder)
}

/** Reads the notice after its message type; null for anything that is not a notice we know. */
export function readNotice(decoder: decoding.Decoder): SyncNotice | null {
  try {
    const value = JSON.parse(decoding.readVarString(decoder)) as Partial<RestoredNotice> | Partial<CommentsChangedNotice> | Partial<MeetingChangedNotice>
    if (value?.type === 'meeting') {
      return typeof value.documentId === 'string' && typeof value.meetingId === 'string' ? value as MeetingChangedNotice : null
    }
    if (value?.type === 'comments') {
      return typeof value.documentId === 'string' && typeof value.commentId === 'string' ? value as CommentsChangedNotice : null
    }
    if (value?.type !== 'restored' || typeof value.restoredFrom !== 'number' || typeof value.savedAs !== 'number') return null
    if (typeof value.by?.name !== 'string' || typeof value.documentId !== 'string') return null
    return value as RestoredNotice
  } catch {
    return null
  }
}

/** "Alex Morgan restored v3" (or "You restored v3"). */
export function restoredText(notice: RestoredNotice, myUserId: string | null | undefined): string {
  return `${notice.by.id === myUserId ? 'You' : notice.by.name} restored v${notice.restoredFrom}`
}
