// The live state of a document as the sync server holds it (loading it if nobody is connected).
import * as Y from 'yjs'
import { projectDocument } from '../../shared/documents'
import type { AppDeps } from '../app-deps'
import type { DocumentRow } from '../http/access'
import { HttpError } from '../http/errors'
import type { Room } from '../sync/room'

export async function liveRoom(deps: AppDeps, document: DocumentRow): Promise<Room> {
  let room: Room
  try {
    room = await deps.rooms.acquire(document.id, document.workspaceId)
  } catch (err) {
    deps.log.error({ documentId: document.id, err: (err as Error).message }, 'document failed to load')
    throw new HttpError(503, 'document could not be loaded; try again shortly')
  }
  return room
}

export async function liveSnapshot(deps: AppDeps, document: DocumentRow): Promise<{ state: Uint8Array; projection: unknown }> {
  const room = await liveRoom(deps, document)
  return { state: Y.encodeStateAsUpdate(room.doc), projection: projectDocument(document.kind, room.doc) }
}
