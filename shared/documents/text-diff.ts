// Diff of plain text for comparing rich-text fields between versions: line by line first (each
// block of a body — heading, paragraph, list item — is one line, so blocks never run together),
// then word by word within a changed line. A "word" is a run of non-space characters: "3.9%"
// against "4.1%" is one deleted and one inserted word, never the letter soup "34.91%" that a
// diff splitting on punctuation reads as.
import { diffArrays } from 'diff'

export interface TextOp {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

export interface TextComparison {
  changed: boolean
  diff: TextOp[]
}

const words = (line: string): string[] => line.match(/\s+|\S+/g) ?? []

/** Appends, merging with the previous op of the same kind. */
function push(ops: TextOp[], op: TextOp['op'], text: string): void {
  if (!text) return
  const last = ops[ops.length - 1]
  if (last?.op === op) last.text += text
  else ops.push({ op, text })
}

/** One changed line against its replacement: each changed run reads as "deleted words, then inserted words". */
function diffLine(ops: TextOp[], before: string, after: string): void {
  let deleted = ''
  let inserted = ''
  const flush = () => {
    push(ops, 'delete', deleted)
    push(ops, 'insert', inserted)
    deleted = inserted = ''
  }
  for (const part of diffArrays(words(before), words(after))) {
    const text = part.value.join('')
    if (part.removed) deleted += text
    else if (part.added) inserted += text
    else if (/^\s+$/.test(text) && (deleted || inserted)) {
      // A lone space between two changed words belongs to the change: "3.9 → 4.1" stays one swap.
      deleted += text
      inserted += text
    } else {
      flush()
      push(ops, 'equal', text)
    }
  }
  flush()
}

export function textDiff(before: string, after: string): TextOp[] {
  if (before === after) return before ? [{ op: 'equal', text: before }] : []
  const ops: TextOp[] = []
  let first = true
  const newline = (op: TextOp['op']) => {
    if (!first) push(ops, op, '\n')
    first = false
  }
  const parts = diffArrays(before.split('\n'), after.split('\n'))
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    if (!part.added && !part.removed) {
      for (const line of part.value) { newline('equal'); push(ops, 'equal', line) }
      continue
    }
    // A removed run followed by an added run: pair the lines up and diff words within each pair.
    const removed = part.removed ? part.value : []
    const added = part.removed ? (parts[i + 1]?.added ? parts[++i].value : []) : part.value
    const paired = Math.min(removed.length, added.length)
    for (let j = 0; j < paired; j++) { newline('equal'); diffLine(ops, removed[j], added[j]) }
    for (const line of removed.slice(paired)) { newline('delete'); push(ops, 'delete', line) }
    for (const line of added.slice(paired)) { newline('insert'); push(ops, 'insert', line) }
  }
  return ops
}

export function compareText(before: unknown, after: unknown): TextComparison {
  const a = typeof before === 'string' ? before : ''
  const b = typeof after === 'string' ? after : ''
  return { changed: a !== b, diff: textDiff(a, b) }
}
