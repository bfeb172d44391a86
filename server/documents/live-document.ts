// The live state of a document as the sync server holds it (loading it if nobody is connected).
import type { AppDeps } from '../app-deps'
import type { DocumentRow } from '../http/access'
import { HttpError } from '../http/errors'
import { DamagedDocumentError } from '../storage/document-store'
import type { Room } from '../sync/room'

/** The loaded document with every committed update, whichever instance received it: what server-side changes build on. */
export async function liveRoom(deps: AppDeps, document: DocumentRow): Promise<Room> {
  try {
    return await deps.rooms.acquireLatest(document.id, document.workspaceId)
  } catch (err) {
    throw loadFailure(deps, document.id, err)
  }
}

/** A document that did not load answers 503: named when it is damaged (no retry helps), else "try again". */
export function loadFailure(deps: AppDeps, documentId: string, err: unknown): HttpError {
  if (err instanceof DamagedDocumentError) return new HttpError(503, `${err.message}; nothing was changed, and an operator can see it in /api/health`)
  deps.log.error({ documentId, err: (err as Error).message }, 'document failed to load')
  return new HttpError(503, 'document could not be loaded; try again shortly', { 'Retry-After': '2' })
}
