// GET /api/sync/:documentId — the y-websocket protocol. Everything is decided before the upgrade:
// Origin, session, membership and role, and the document is loaded. Any failure answers with an
// HTTP status and no socket exists; afterwards the handlers only route frames to the room. One
// exception: a damaged document's socket is accepted and closed at once with 4423, because a
// browser sees a refused upgrade only as a failed connection and would retry it forever.
import { upgradeWebSocket, type WebSocketData } from '@hono/node-server'
import { Hono } from 'hono'
import { CloseCode, CloseReason } from '../../shared/close-codes'
import { canEditDocuments, canReadWorkspace } from '../../shared/roles'
import type { AppDeps, AppEnv } from '../app-deps'
import { requireDocumentRole, requireSession } from '../http/access'
import { HttpError, forbidden, notFound } from '../http/errors'
import { clientAddress } from '../http/client-address'
import { isSameOrigin } from '../http/origin'
import { contained } from '../sync/contained'
import { loadFailure } from '../documents/live-document'
import { DamagedDocumentError } from '../storage/document-store'
import { ConnectionLimits } from '../sync/connection-limits'
import { newConnectionId, type Connection } from '../sync/connection'
import type { Room } from '../sync/room'
import type WebSocket from 'ws'

export function syncRoutes(deps: AppDeps) {
  const app = new Hono<{ Variables: AppEnv["Variables"] & { room: Room | null; connection: Connection; socketSlot: { claim(): void; release(): void } } }>()
  const limits = new ConnectionLimits(deps.log)

  app.get('/:documentId', async (c, next) => {
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') throw new HttpError(400, 'expected a WebSocket upgrade')
    if (!isSameOrigin(c.req.header('origin'), c.req.header('host'), deps.config.publicOrigins)) throw forbidden('cross-origin WebSocket refused')
    const session = requireSession(c)
    const { document, role } = await requireDocumentRole(deps.db, c.req.param('documentId'), session.user.id, canReadWorkspace)
    if (document.archivedAt !== null) throw notFound('document is archived')
    const release = limits.tryOpen(session.user.id, clientAddress(c, deps.config.TRUST_PROXY))
    if (!release) throw new HttpError(429, 'too many open connections; close some tabs and try again', { 'Retry-After': '10' })
    // A handshake that never completes calls neither onOpen nor onClose: give the slot back after a while.
    const unclaimed = setTimeout(contained(deps.log, 'releasing an unclaimed socket slot', release), 30_000)
    unclaimed.unref()
    c.set('socketSlot', { claim: () => clearTimeout(unclaimed), release: () => { clearTimeout(unclaimed); release() } })
    let room: Room | null
    try {
      room = await deps.rooms.acquire(document.id, document.workspaceId)
    } catch (err) {
      if (!(err instanceof DamagedDocumentError)) {
        c.get('socketSlot').release()
        throw loadFailure(deps, document.id, err)
      }
      room = null // closed with 4423 on open; the registry has logged it and listed it in /api/health
    }
    c.set('room', room)
    c.set('connection', {
      id: newConnectionId(), user: session.user, sessionId: session.sessionId, role,
      canWrite: canEditDocuments(role), awarenessClientIds: new Set(),
      isOpen: () => false, send: () => {}, close: () => {},
    })
    await next()
  }, upgradeWebSocket((c) => {
    const room = c.get('room')
    const conn = c.get('connection')
    const slot = c.get('socketSlot')
    if (!room) {
      return {
        onOpen(_event, ws) {
          slot.claim()
          ws.close(CloseCode.documentDamaged, CloseReason[CloseCode.documentDamaged])
        },
        onClose: () => slot.release(),
        onError: () => slot.release(),
      }
    }
    return {
      onOpen(_event, ws) {
        slot.claim()
        const socket = ws.raw as WebSocket
        conn.isOpen = () => socket.readyState === 1
        conn.send = (frame: Uint8Array) => {
          if (socket.readyState !== 1) return
          // A client that stopped reading would otherwise hold every relay in server memory. Dropping
          // it loses nothing: on reconnect the Yjs handshake sends it exactly what it lacks.
          if (socket.bufferedAmount > deps.config.tuning.sendBufferLimitBytes) {
            conn.close(CloseCode.tooSlow, CloseReason[CloseCode.tooSlow])
            room.leave(conn)
            return
          }
          socket.send(frame)
        }
        conn.close = (code: number, reason: string) => {
          if (socket.readyState === 0 || socket.readyState === 1) socket.close(code, reason)
        }
        if (room.closed) {
          // Unloaded between the check and the open (rare): the client reconnects and loads it again.
          conn.close(CloseCode.goingAway, 'document reloading')
          return
        }
        deps.rooms.join(room, conn)
        // Straight from ws, not through Hono's onMessage, which wraps every frame in a MessageEvent
        // and copies it into a new ArrayBuffer: this is the hot path. No frame can arrive before this
        // listener: Hono calls onOpen in the same turn in which it starts listening.
        socket.on('message', (data, isBinary) => {
          if (!isBinary) {
            conn.close(CloseCode.malformedMessage, 'text frames are not part of the protocol')
            room.leave(conn)
            return
          }
          room.receive(conn, asBytes(data))
        })
      },
      onClose() {
        room.leave(conn)
        slot.release()
      },
      onError() {
        room.leave(conn)
        slot.release()
      },
    }
  }))

  return app
}

/** ws hands over a Buffer (its default binaryType); the other shapes are there for the type's sake. */
function asBytes(data: WebSocketData): Uint8Array {
  if (data instanceof Uint8Array) return data
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (typeof data === 'string') return new TextEncoder().encode(data)
  return Buffer.concat(data)
}
