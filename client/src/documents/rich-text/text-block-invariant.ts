// Keeps "every text block holds one Y.XmlText" (see shared/documents/rich-text.ts) for blocks
// made in the editor: y-tiptap writes a new empty paragraph (Enter, a new list item) as an element
// with no children, and two people typing into it at once would each create a Y.XmlText, which
// garbles their text. No published y-tiptap (3.3.0) or y-prosemirror (1.3.7) changes this, and
// neither offers a hook for the Y types they create, so we watch the fragment instead.
//
// Only blocks added by this client's own transactions get one, in a follow-up transaction that
// Yjs runs as soon as the edit's transaction ends, before the edit's update is encoded; so the
// update others receive already holds the Y.XmlText (tested), and never a bare block.
// A block received from someone else is theirs to fill: two clients filling one block would
// recreate the two-Y.XmlText state.
import * as Y from 'yjs'
import { TEXT_BLOCKS } from '../../../../shared/documents/rich-text'

/** Origin of the follow-up transactions (not tracked by the editor's undo manager). */
export const TEXT_BLOCK_INVARIANT_ORIGIN = 'text-block-invariant'

function collectEmptyTextBlocks(node: Y.XmlElement, out: Y.XmlElement[]): void {
  if (TEXT_BLOCKS.has(node.nodeName)) {
    if (node.length === 0) out.push(node)
    return
  }
  for (const child of node.toArray()) if (child instanceof Y.XmlElement) collectEmptyTextBlocks(child, out)
}

/** Empty text blocks among (and inside) the elements a transaction added. */
function addedEmptyTextBlocks(events: Array<Y.YEvent<Y.XmlFragment>>): Y.XmlElement[] {
  const out: Y.XmlElement[] = []
  for (const event of events) {
    for (const item of event.changes.added) {
      for (const content of item.content.getContent()) {
        if (content instanceof Y.XmlElement) collectEmptyTextBlocks(content, out)
      }
    }
  }
  return out
}

/** Watches `fragment`; returns the function that stops watching. */
export function keepTextInNewTextBlocks(fragment: Y.XmlFragment): () => void {
  const observer = (events: Array<Y.YEvent<Y.XmlFragment>>, transaction: Y.Transaction) => {
    if (!transaction.local || transaction.origin === TEXT_BLOCK_INVARIANT_ORIGIN || !fragment.doc) return
    const empty = addedEmptyTextBlocks(events)
    if (empty.length === 0) return
    fragment.doc.transact(() => {
      for (const block of empty) if (block.length === 0) block.insert(0, [new Y.XmlText()])
    }, TEXT_BLOCK_INVARIANT_ORIGIN)
  }
  fragment.observeDeep(observer)
  return () => fragment.unobserveDeep(observer)
}
