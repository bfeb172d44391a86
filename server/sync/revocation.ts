// Access taken away while sync sockets are open: the matching sockets are closed with a code the
// client shows, and reconnect to be checked again at the upgrade. With several instances the same
// revocation is published (server/cluster/redis-fanout.ts) and every instance closes its own
// matching sockets; a periodic re-check (access-recheck.ts) covers a message that was lost.
import { z } from 'zod'
import { CloseCode, CloseReason } from '../../shared/close-codes'
import type { RoomRegistry } from './room-registry'

export const Revocation = z.discriminatedUnion('kind', [
  /** Removed from the workspace, or their role changed: 4509. */
  z.object({ kind: z.literal('member'), workspaceId: z.string(), userId: z.string() }),
  /** Logged out: 4401. */
  z.object({ kind: z.literal('session'), sessionId: z.string() }),
  /** Archived: 4404. */
  z.object({ kind: z.literal('document'), documentId: z.string() }),
])
export type Revocation = z.infer<typeof Revocation>

/** Closes this instance's sockets that the revocation covers; returns how many. */
export function closeRevoked(rooms: RoomRegistry, r: Revocation): number {
  switch (r.kind) {
    case 'member':
      return rooms.closeConnections((room, conn) => room.workspaceId === r.workspaceId && conn.user.id === r.userId,
        CloseCode.accessChanged, CloseReason[CloseCode.accessChanged])
    case 'session':
      return rooms.closeConnections((_room, conn) => conn.sessionId === r.sessionId, CloseCode.unauthenticated, CloseReason[CloseCode.unauthenticated])
    case 'document':
      return rooms.closeConnections((room) => room.documentId === r.documentId, CloseCode.documentGone, CloseReason[CloseCode.documentGone])
  }
}

/** Here at once, and on every other instance through Redis when there are several. */
export function revokeAccess(deps: { rooms: RoomRegistry; fanout: { publishRevocation(r: Revocation): void } | null }, r: Revocation): void {
  closeRevoked(deps.rooms, r)
  deps.fanout?.publishRevocation(r)
}
