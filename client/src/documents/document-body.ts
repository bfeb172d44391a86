// The contract between the document page and a document kind's body.
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { PresenceUser } from '../../../shared/presence'

/**
 * Props every document body receives. Keep this small: a body reads and writes only the Y.Doc
 * (through the kind's module in shared/documents/ for structured kinds), never the HTTP API.
 */
export interface DocumentBodyProps {
  /** The document's shared state, already connected; may still be empty until the first sync. */
  ydoc: Y.Doc
  /** For awareness (carets, presence); do not connect/disconnect it, the page owns it. */
  provider: WebsocketProvider
  /** False for viewers, archived documents, or after the server refused an update: render read-only. */
  canWrite: boolean
  /** The signed-in user as shown to others. */
  user: PresenceUser
}
