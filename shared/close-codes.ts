// WebSocket close codes of /api/sync/:documentId, shared by the server (which sends them)
// and the client (which turns them into a visible state). 4000–4999 is the application range;
// following y-websocket 3's convention, 44xx means "reconnecting cannot help" (the stock provider
// stops) and 45xx means "try again" (it reconnects with backoff).
export const CloseCode = {
  /** Server shutting down (SIGTERM); the client reconnects. */
  goingAway: 1001,
  /** A frame over the size limit (ws enforces this itself). */
  messageTooBig: 1009,
  /** A frame that is not a well-formed y-websocket message (garbage, truncated, text frame, unknown type). */
  malformedMessage: 4400,
  /** The session expired or was revoked while connected. */
  unauthenticated: 4401,
  /** Membership removed or downgraded while connected: reconnect to be checked again. */
  accessChanged: 4509,
  /** The document was archived or deleted while connected. */
  documentGone: 4404,
  /** An awareness (presence) state over the size limit (64 kB per client); see server/sync/awareness-limits.ts. */
  awarenessTooLarge: 4413,
  /** A sync step 1 whose state vector is over 64 kB; see server/sync/sync-limits.ts. */
  stateVectorTooLarge: 4414,
  /** More sync step 1 messages than a client ever needs (a burst of 10, then 2 a second). */
  tooManySyncRequests: 4429,
  /** An update nesting types deeper than 64 or writing more than 64 root types; see server/sync/update-limits.ts. */
  updateBeyondLimits: 4420,
  /** An update that would take the document past its size limit (16 MB stored); see server/sync/update-limits.ts. */
  documentTooLarge: 4415,
  /** An update building on updates the server never received (a client cannot send one honestly); see server/sync/update-limits.ts. */
  missingDependencies: 4424,
  /** A well-framed update that Yjs cannot apply. */
  invalidUpdate: 4422,
  /**
   * A restore removed content nested deeper than the limits (stored before them): applying its
   * deletion takes Yjs one call per level, past a browser's stack. The client opens the document
   * afresh (a new Y.Doc, its local copy discarded) instead; the stock provider stops.
   */
  documentReplaced: 4410,
  /**
   * The document's stored log cannot be applied (a row missing or unreadable): it is not served as
   * less than it is. Sent at once after the upgrade, since a browser cannot read a refused upgrade's
   * status; an operator must restore it, so reconnecting cannot help.
   */
  documentDamaged: 4423,
  /** Storing the update failed (database unavailable); nothing was relayed. */
  storageFailed: 4503,
  /** The client stopped reading: its unsent frames passed the limit. Reconnecting catches it up. */
  tooSlow: 4508,
} as const

export type CloseCodeName = keyof typeof CloseCode

export const CloseReason: Record<number, string> = {
  [CloseCode.goingAway]: 'server shutting down',
  [CloseCode.messageTooBig]: 'message too big',
  [CloseCode.malformedMessage]: 'malformed message',
  [CloseCode.unauthenticated]: 'session expired',
  [CloseCode.accessChanged]: 'access changed',
  [CloseCode.documentGone]: 'document archived',
  [CloseCode.awarenessTooLarge]: 'awareness too large',
  [CloseCode.stateVectorTooLarge]: 'state vector too large',
  [CloseCode.tooManySyncRequests]: 'too many sync requests',
  [CloseCode.updateBeyondLimits]: 'update beyond limits',
  [CloseCode.documentTooLarge]: 'document too large',
  [CloseCode.missingDependencies]: 'update depends on missing updates',
  [CloseCode.invalidUpdate]: 'invalid update',
  [CloseCode.documentReplaced]: 'document restored: open it afresh',
  [CloseCode.documentDamaged]: 'document damaged: its stored history cannot be read; nothing was changed',
  [CloseCode.storageFailed]: 'storage failed',
  [CloseCode.tooSlow]: 'too far behind; reconnect to catch up',
}

/** Close codes after which reconnecting cannot help (the user must sign in again, lost access, or the document needs an operator). */
export const TERMINAL_CLOSE_CODES: readonly number[] = [
  CloseCode.malformedMessage, CloseCode.unauthenticated, CloseCode.documentGone, CloseCode.invalidUpdate, CloseCode.messageTooBig, CloseCode.awarenessTooLarge,
  CloseCode.stateVectorTooLarge, CloseCode.tooManySyncRequests, CloseCode.updateBeyondLimits, CloseCode.documentTooLarge, CloseCode.missingDependencies,
  CloseCode.documentReplaced, CloseCode.documentDamaged,
]

/** For WebsocketProvider's `shouldReconnect` option. */
export const shouldReconnectAfter = (code: number): boolean => !TERMINAL_CLOSE_CODES.includes(code)

/** Reason sent in the y-protocols auth "permission denied" message when a viewer's update is dropped. */
export const READ_ONLY_DENIAL = 'read-only: updates from viewers are not accepted'
