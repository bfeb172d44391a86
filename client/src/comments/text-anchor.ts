// A thread pinned to a range of rich text: the range is kept as two Yjs relative positions (base64),
// so it follows the words as others edit. Converting between ProseMirror positions and relative
// positions goes through @tiptap/y-tiptap's public helpers and the sync plugin's binding, the way
// @tiptap/extension-collaboration does it.
import type { EditorState } from '@tiptap/pm/state'
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey, type ProsemirrorBinding } from '@tiptap/y-tiptap'
import { fromBase64, toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import type { CommentAnchor } from '../../../shared/api'
import { TEXT_QUOTE_MAX_CHARS } from '../../../shared/comment-limits'

export type TextAnchor = Extract<CommentAnchor, { type: 'text' }>

/** Which rich-text field a text thread belongs to: a record's field, or the document's own body. */
export interface TextPlace { recordId?: string; field: string }

export const placeKey = (place: { recordId?: string; field?: string }) => `${place.recordId ?? ''}\u0000${place.field ?? ''}`

/** The parts of the sync plugin's state that @tiptap/extension-collaboration reads too. */
interface SyncState { doc: Y.Doc; type: Y.XmlFragment; binding: ProsemirrorBinding | null }

/** The sync plugin's state once the Y.Doc has been rendered into the editor, else null. */
function syncState(state: EditorState): SyncState | null {
  const ystate = ySyncPluginKey.getState(state) as SyncState | undefined
  if (!ystate?.binding || ystate.binding.mapping.size === 0) return null
  return ystate
}

/** The anchor of the selection [from, to) in a field, with the words it covers; null before the first sync render. */
export function textAnchorFor(state: EditorState, place: TextPlace, from: number, to: number): TextAnchor | null {
  const ystate = syncState(state)
  if (!ystate || from >= to) return null
  const encode = (pos: number) => toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, ystate.type, ystate.binding!.mapping)))
  const quote = state.doc.textBetween(from, to, ' ').replace(/\s+/g, ' ').trim().slice(0, TEXT_QUOTE_MAX_CHARS)
  return { type: 'text', ...(place.recordId ? { recordId: place.recordId } : {}), field: place.field, start: encode(from), end: encode(to), quote }
}

export type ResolvedRange = { from: number; to: number } | null

/**
 * Where an anchor's words are now: a non-empty range, null when they have been deleted (the
 * thread is detached), or undefined when the editor has not rendered the Y.Doc yet.
 */
export function resolveTextAnchor(state: EditorState, anchor: TextAnchor): ResolvedRange | undefined {
  const ystate = syncState(state)
  if (!ystate) return undefined
  const resolve = (encoded: string): number | null => {
    try {
      return relativePositionToAbsolutePosition(ystate.doc, ystate.type, Y.decodeRelativePosition(fromBase64(encoded)), ystate.binding!.mapping)
    } catch {
      return null // not a relative position (the server only checks that it is base64)
    }
  }
  const from = resolve(anchor.start)
  const to = resolve(anchor.end)
  if (from === null || to === null || from >= to || to > state.doc.content.size) return null
  // Only block boundaries left between them: the words are gone.
  if (state.doc.textBetween(from, to, '').length === 0) return null
  return { from, to }
}
