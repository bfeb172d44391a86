// What a document body needs of the comments: how many open threads a record has, a way to start
// one on it or on a passage of rich text, and the open text threads of each rich-text field.
// Provided by the document page; absent elsewhere (meeting room, version viewer), where record
// comment buttons and text highlights do not show.
import { createContext, useContext } from 'react'
import type { CommentAnchor } from '../../../shared/api'
import type { TextPlace } from './text-anchor'
import type { TextThread } from '../documents/rich-text/text-comments'

export interface RecordTarget { recordId: string; label: string }

/** Where the thread about to be written will be pinned. */
export interface CommentTarget { label: string; anchor: Exclude<CommentAnchor, { type: 'document' }> }

export interface DocumentComments {
  /** False on an archived document: threads can be read, not started. */
  canStart: boolean
  openOnRecord(recordId: string): number
  startOnRecord(target: RecordTarget): void
  startOn(target: CommentTarget): void
  /** The open text threads of one rich-text field (the same array until the threads change). */
  textThreads(place: TextPlace): TextThread[]
  /** A field's editor says which of its threads are detached (their words deleted). */
  reportDetached(detached: Map<string, boolean>): void
  /**
   * Shows a thread in the side panel (a highlight was clicked). Quiet: someone clicked into text
   * they may be editing, so the page does not scroll away when the panel is below the document.
   */
  showThread(threadId: string, quiet?: boolean): void
}

export const DocumentCommentsContext = createContext<DocumentComments | null>(null)

export const useDocumentComments = () => useContext(DocumentCommentsContext)
