// The contract between a page and a document kind's body.
//
// Live document page:   <Body ydoc provider canWrite user documentId workspaceId />
// History / compare:    <DocumentBody kind={kind} ydoc={versionDoc} provider={null} canWrite={false}
//                                     user={me} documentId={id} highlight={{ rowIds, pillars }} />
// (DocumentBody is exported from ./registry.) With provider null a body shows no carets and no
// awareness, never opens connections of its own for "changed since board" badges, and shows the
// Y.Doc it was given exactly as it is (a saved version rebuilt from GET …/versions/:n?format=yjs).
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { PresenceUser } from '../../../shared/presence'

/** Rows or pillars to mark, e.g. what changed between two versions. */
export interface DocumentHighlight {
  /** Row ids (initiatives, vendors, decisions, risks). */
  rowIds?: string[]
  /** Pillar keys (brief sections and tiles). */
  pillars?: string[]
}

/**
 * Props every document body receives. A body reads and writes only the Y.Doc (through the kind's
 * module in shared/documents/); the HTTP API is used only to find related documents (the vendor
 * register for derived renewal decisions, the summary's sources) and board-meeting versions.
 */
export interface DocumentBodyProps {
  /** The document's shared state, already connected; may still be empty until the first sync. */
  ydoc: Y.Doc
  /**
   * For awareness (carets, presence); do not connect/disconnect it, the page owns it.
   * null renders a detached Y.Doc (a saved version): no carets, no live-only extras.
   */
  provider: WebsocketProvider | null
  /** False for viewers, archived documents, saved versions, or after the server refused an update. */
  canWrite: boolean
  /** The signed-in user as shown to others. */
  user: PresenceUser
  /** The document's id: enables "changed since last board meeting" badges when live. */
  documentId?: string
  /** The document's workspace: to find related documents (looked up from documentId when absent). */
  workspaceId?: string
  /** Rows / pillars to mark (compare and history views). */
  highlight?: DocumentHighlight
}
