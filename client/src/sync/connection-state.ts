// The connection state machine behind the document page's badge. Pure: events in, state out,
// so it can be unit-tested without a socket.
//
//   connecting ──synced──▶ connected ──socket closed──▶ reconnecting ──synced──▶ connected
//       │  ▲                                              │
//       └──┘ failed attempts stay "connecting" until the first sync of this page
//
//   browser offline (and not connected)         → shown as "offline" (edits stay in the local Y.Doc)
//   close 4401, or a refused upgrade probed 401  → signed-out  (terminal)
//   close 4404, or probed 403/404/archived       → no-access   (terminal)
//   close 4423 (stored history damaged)           → no-access, reason 'damaged' (terminal)
//   other terminal close codes (4400, 4422, 1009) → no-access, reason 'rejected' (terminal)
//   close CloseCode.accessChanged                 → reconnecting (the role is re-read)

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'signed-out' | 'no-access'

import { CloseCode, shouldReconnectAfter } from '../../../shared/close-codes'

/**
 * Why syncing stopped. 'damaged': the server cannot read the document's stored history and will
 * not serve it until an operator restores it. 'rejected': the server closed with another code after
 * which reconnecting cannot help (malformed message, invalid update, message too big; see
 * TERMINAL_CLOSE_CODES).
 */
export type NoAccessReason = 'archived' | 'forbidden' | 'not-found' | 'damaged' | 'rejected'

/** Why syncing stopped for good: a no-access reason, or the session ended. */
export type StopReason = NoAccessReason | 'signed-out'

export interface ConnectionMachine {
  phase: 'connecting' | 'connected' | 'reconnecting' | 'signed-out' | 'no-access'
  browserOnline: boolean
  /** Whether this page has completed a sync with the server at least once. */
  everSynced: boolean
  noAccessReason: NoAccessReason | null
  /** Close code of the last server close, for diagnostics. */
  lastCloseCode: number | null
}

export type ConnectionEvent =
  | { type: 'reset'; browserOnline: boolean }
  | { type: 'synced' }
  | { type: 'socket-closed'; code: number | null }
  | { type: 'browser-online' }
  | { type: 'browser-offline' }
  | { type: 'signed-out' }
  | { type: 'no-access'; reason: NoAccessReason }

export function initialConnection(browserOnline = true): ConnectionMachine {
  return { phase: 'connecting', browserOnline, everSynced: false, noAccessReason: null, lastCloseCode: null }
}

const isTerminal = (m: ConnectionMachine) => m.phase === 'signed-out' || m.phase === 'no-access'

export function connectionReducer(m: ConnectionMachine, event: ConnectionEvent): ConnectionMachine {
  if (event.type === 'reset') return initialConnection(event.browserOnline)
  if (event.type === 'browser-online') return { ...m, browserOnline: true }
  if (event.type === 'browser-offline') return { ...m, browserOnline: false }
  if (isTerminal(m)) return m
  switch (event.type) {
    case 'synced':
      return { ...m, phase: 'connected', everSynced: true }
    case 'socket-closed':
      return { ...m, phase: m.everSynced ? 'reconnecting' : 'connecting', lastCloseCode: event.code ?? m.lastCloseCode }
    case 'signed-out':
      return { ...m, phase: 'signed-out' }
    case 'no-access':
      return { ...m, phase: 'no-access', noAccessReason: event.reason }
  }
}

/**
 * The no-access reason a terminal close code means; null for a code the provider reconnects after.
 * 4401 (signed out) and 4410 (reopen afresh) are handled before this by the caller.
 */
export function noAccessReasonForClose(code: number): NoAccessReason | null {
  if (shouldReconnectAfter(code)) return null
  if (code === CloseCode.documentGone) return 'archived'
  if (code === CloseCode.documentDamaged) return 'damaged'
  return 'rejected'
}

/** Why syncing stopped for good; null while it may still go on. */
export function stopReason(m: ConnectionMachine): StopReason | null {
  if (m.phase === 'signed-out') return 'signed-out'
  return m.phase === 'no-access' ? m.noAccessReason : null
}

/**
 * Why the body is withheld: syncing stopped before the document ever arrived, so there is nothing
 * true to show. Null otherwise (a page that had synced keeps showing what it received, read-only).
 */
export function withheldReason(m: ConnectionMachine): StopReason | null {
  return m.everSynced ? null : stopReason(m)
}

/** The state shown to the user (and in data-state). */
export function visibleState(m: ConnectionMachine): ConnectionState {
  if (isTerminal(m) || m.phase === 'connected') return m.phase
  return m.browserOnline ? m.phase : 'offline'
}
