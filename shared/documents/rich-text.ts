// Rich text is a Y.XmlFragment in the shape Tiptap's StarterKit and y-prosemirror use
// (paragraph, heading{level}, bulletList > listItem > paragraph, Y.XmlText inside).
import * as Y from 'yjs'

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'bulletList'; items: string[] }

/** Row roots whose rows have rich-text fields (kept in step with the kind modules; tested). */
const ROOTS_WITH_RICH_TEXT = ['initiatives', 'pillars', 'decisions'] as const

/** A real fragment, not an element (XmlElement extends XmlFragment but Tiptap binds to fragments). */
export function isRichText(value: unknown): value is Y.XmlFragment {
  return value instanceof Y.XmlFragment && !(value instanceof Y.XmlElement)
}

/** The root body of plain rich-text documents (notes, summary). */
export function getBodyFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment('body')
}

/**
 * The rich-text field of a row, for an editor to bind to. Read-only callers get null when it is
 * missing or damaged. Writable callers get it created (in a transaction) — rows are created with
 * their fragments, so this only repairs old or damaged rows; two people repairing at once would
 * each create one and the map keeps one.
 */
export function richTextIn(
  rows: Y.Map<unknown>,
  rowId: string,
  field: string,
  writable: boolean,
): Y.XmlFragment | null {
  const row = rows.get(rowId)
  if (!(row instanceof Y.Map)) return null
  const value = row.get(field)
  if (isRichText(value)) return value
  if (!writable || !rows.doc) return null
  const fragment = new Y.XmlFragment()
  rows.doc.transact(() => row.set(field, fragment))
  return fragment
}

/** Finds the row in whichever row root of this document holds it. */
export function getRichTextField(
  doc: Y.Doc,
  rowId: string,
  field: string,
  opts: { writable?: boolean } = {},
): Y.XmlFragment | null {
  for (const root of ROOTS_WITH_RICH_TEXT) {
    if (!doc.share.has(root)) continue
    const rows = doc.getMap<unknown>(root)
    if (rows.has(rowId)) return richTextIn(rows, rowId, field, opts.writable ?? false)
  }
  return null
}

/** Readers stop descending past this depth (the sync layer refuses deeper updates; older content may hold more). */
export const MAX_READ_DEPTH = 64

function inlineText(node: Y.XmlText | Y.XmlElement, depth = 0): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as Array<{ insert?: unknown }>)
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('')
  }
  if (node.nodeName === 'hardBreak') return '\n'
  if (depth >= MAX_READ_DEPTH) return ''
  return node.toArray().map((child) => (child instanceof Y.XmlHook ? '' : inlineText(child, depth + 1))).join('')
}

/** Blocks whose content is inline text (StarterKit's text blocks). */
export const TEXT_BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading', 'codeBlock'])

/** Walks block containers; an element holding text is one line (its inline nodes joined). Stops past MAX_READ_DEPTH. */
function collectLines(node: Y.XmlFragment, lines: string[], depth = 0): void {
  if (depth >= MAX_READ_DEPTH) return
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) lines.push(inlineText(child))
    else if (child instanceof Y.XmlElement) {
      const hasText = child.toArray().some((c) => c instanceof Y.XmlText)
      if (hasText || (child.length === 0 && TEXT_BLOCKS.has(child.nodeName))) lines.push(inlineText(child))
      else collectLines(child, lines, depth + 1)
    }
  }
}

/** Plain text of a fragment, one line per text block (paragraph, heading, list item). */
export function richTextToPlain(fragment: Y.XmlFragment | null | undefined): string {
  if (!fragment) return ''
  const lines: string[] = []
  collectLines(fragment, lines)
  return lines.join('\n')
}

/**
 * A text block always holds exactly one Y.XmlText, even when empty. y-prosemirror maps an empty
 * block to an element with no children; two people typing into it at once would each create a
 * Y.XmlText, and the next local edit's diff writes both runs into the first and deletes the
 * second while the other person still types into it: letters duplicated, moved or lost.
 */
function textElement(name: string, text: string): Y.XmlElement {
  const el = new Y.XmlElement(name)
  el.insert(0, [new Y.XmlText(text)])
  return el
}

/** Appends blocks to a fragment that is already part of a document. */
export function appendBlocks(fragment: Y.XmlFragment, blocks: Block[]): void {
  const write = () => {
    for (const block of blocks) {
      if (block.type === 'bulletList') {
        const list = new Y.XmlElement('bulletList')
        list.insert(
          0,
          block.items.map((item) => {
            const li = new Y.XmlElement('listItem')
            li.insert(0, [textElement('paragraph', item)])
            return li
          }),
        )
        fragment.insert(fragment.length, [list])
      } else {
        const el = textElement(block.type, block.text)
        if (block.type === 'heading') el.setAttribute('level', block.level as unknown as string)
        fragment.insert(fragment.length, [el])
      }
    }
  }
  if (fragment.doc) fragment.doc.transact(write)
  else write()
}

/** Plain text → paragraphs, for writers that only have text (templates, tests). */
export function paragraphs(text: string): Block[] {
  return text.split('\n').map((line) => ({ type: 'paragraph', text: line }))
}
