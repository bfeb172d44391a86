// Word-level diff of plain text, for comparing rich-text fields between versions.
import { diffWords } from 'diff'

export interface TextOp {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

export interface TextComparison {
  changed: boolean
  diff: TextOp[]
}

export function textDiff(before: string, after: string): TextOp[] {
  if (before === after) return before ? [{ op: 'equal', text: before }] : []
  return diffWords(before, after).map((part) => ({
    op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value,
  }))
}

export function compareText(before: unknown, after: unknown): TextComparison {
  const a = typeof before === 'string' ? before : ''
  const b = typeof after === 'string' ? after : ''
  return { changed: a !== b, diff: textDiff(a, b) }
}
