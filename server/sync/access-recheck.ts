// Every accessRecheckMs (30 s) each instance checks its open sync sockets against the database: a
// socket whose session is gone or has expired, whose role changed or was removed, or whose document
// was archived is closed as a revocation would have closed it. It is the backstop for a revocation
// published while Redis was away (one process closes sockets in the request that revokes), and what
// signs out the sockets of a session that expired while they were open: sync traffic does not renew
// a session (only HTTP requests do, see auth/sessions.ts), so a tab left open past it is signed out.
import { and, gt, inArray, isNotNull } from 'drizzle-orm'
import type { Db } from '../db/client'
import { documents, memberships, sessions } from '../db/schema'
import type { RoomRegistry } from './room-registry'
import { closeRevoked, type Revocation } from './revocation'

/** Closes what lost its access; resolves with the revocations it applied. */
export async function recheckAccess(db: Db, rooms: RoomRegistry, sessionsExpiredBefore: number): Promise<Revocation[]> {
  const open = [...rooms.loadedRooms()].flatMap((room) => [...room.connections].map((conn) => ({ room, conn })))
  if (open.length === 0) return []
  const unique = (values: string[]) => [...new Set(values)]
  const [liveSessions, roles, archived] = await db.batch([
    db.select({ id: sessions.id }).from(sessions).where(and(inArray(sessions.id, unique(open.map((o) => o.conn.sessionId))), gt(sessions.lastVerifiedAt, sessionsExpiredBefore))),
    db.select({ workspaceId: memberships.workspaceId, userId: memberships.userId, role: memberships.role }).from(memberships)
      .where(and(inArray(memberships.workspaceId, unique(open.map((o) => o.room.workspaceId))), inArray(memberships.userId, unique(open.map((o) => o.conn.user.id))))),
    db.select({ id: documents.id }).from(documents)
      .where(and(inArray(documents.id, unique(open.map((o) => o.room.documentId))), isNotNull(documents.archivedAt))),
  ])
  const sessionOk = new Set(liveSessions.map((s) => s.id))
  const roleOf = new Map(roles.map((m) => [`${m.workspaceId} ${m.userId}`, m.role]))
  const archivedIds = new Set(archived.map((d) => d.id))
  const revoked: Revocation[] = []
  for (const { room, conn } of open) {
    if (!sessionOk.has(conn.sessionId)) revoked.push({ kind: 'session', sessionId: conn.sessionId })
    else if (roleOf.get(`${room.workspaceId} ${conn.user.id}`) !== conn.role) revoked.push({ kind: 'member', workspaceId: room.workspaceId, userId: conn.user.id })
    else if (archivedIds.has(room.documentId)) revoked.push({ kind: 'document', documentId: room.documentId })
  }
  for (const r of revoked) closeRevoked(rooms, r)
  return revoked
}
