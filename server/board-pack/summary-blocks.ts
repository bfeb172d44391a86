// The summary's structure (headings, paragraphs, list items) read back from a saved Yjs state.
// The stored projection keeps only plain lines; the pack wants to know which line is a heading.
import * as Y from 'yjs'
import { getSummaryBody } from '../../shared/documents/summary'

export type PackBlock =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'bullet'; text: string; depth: number; number: number | null }

function inlineText(node: Y.XmlText | Y.XmlElement): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as Array<{ insert?: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('')
  }
  if (node.nodeName === 'hardBreak') return '\n'
  return node.toArray().map((child) => (child instanceof Y.XmlHook ? '' : inlineText(child))).join('')
}

const LISTS = new Set(['bulletList', 'orderedList'])

function headingLevel(raw: unknown): 1 | 2 | 3 {
  const n = Number(raw)
  return n === 1 || n === 2 ? n : 3
}

function pushText(out: PackBlock[], block: PackBlock): void {
  if (block.text.trim() !== '') out.push({ ...block, text: block.text.trim() })
}

function walkList(list: Y.XmlElement, out: PackBlock[], depth: number): void {
  const ordered = list.nodeName === 'orderedList'
  const start = Number(list.getAttribute('start') ?? 1)
  let index = 0
  for (const item of list.toArray()) {
    if (!(item instanceof Y.XmlElement)) continue
    const texts: string[] = []
    const nested: Y.XmlElement[] = []
    for (const child of item.toArray()) {
      if (child instanceof Y.XmlElement && LISTS.has(child.nodeName)) nested.push(child)
      else if (!(child instanceof Y.XmlHook)) texts.push(inlineText(child))
    }
    const number = ordered ? (Number.isFinite(start) ? start : 1) + index : null
    index++
    pushText(out, { type: 'bullet', text: texts.join(' '), depth, number })
    for (const sub of nested) walkList(sub, out, depth + 1)
  }
}

function walk(node: Y.XmlFragment, out: PackBlock[]): void {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlHook) continue
    if (child instanceof Y.XmlText) {
      pushText(out, { type: 'paragraph', text: inlineText(child) })
    } else if (child.nodeName === 'heading') {
      pushText(out, { type: 'heading', level: headingLevel(child.getAttribute('level')), text: inlineText(child) })
    } else if (LISTS.has(child.nodeName)) {
      walkList(child, out, 0)
    } else if (child.toArray().some((c) => c instanceof Y.XmlText) || child.length === 0) {
      pushText(out, { type: 'paragraph', text: inlineText(child) })
    } else {
      walk(child, out)
    }
  }
}

/** Blocks of the summary body in a saved state; null when the state cannot be read. */
export function summaryBlocksFromState(state: Uint8Array): PackBlock[] | null {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    const out: PackBlock[] = []
    walk(getSummaryBody(doc), out)
    return out
  } catch {
    return null
  } finally {
    doc.destroy()
  }
}

/** Without the structure, every non-empty line of the plain body is a paragraph. */
export function summaryBlocksFromText(body: string): PackBlock[] {
  return body.split('\n').map((line) => line.trim()).filter(Boolean).map((text) => ({ type: 'paragraph', text }))
}
