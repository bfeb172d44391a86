// The smallest edit that turns one string into another (common prefix and suffix), and applying
// it to a Y.Text, so a cell typed in by two people merges character by character instead of one
// person's whole value replacing the other's.
import type * as Y from 'yjs'

export interface TextChange {
  index: number
  remove: number
  insert: string
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff

/**
 * The edit from `before` to `after`, or null when they are equal. `caret` (where the caret is in
 * `after`) resolves ambiguous runs: typing "l" after the first "l" of "al" is an insert at 2, not
 * at 1, which matters when someone else is typing next to it. Never splits a surrogate pair.
 */
export function textChange(before: string, after: string, caret?: number): TextChange | null {
  if (before === after) return null
  const maxSuffix = Math.min(before.length, after.length, caret === undefined ? Infinity : Math.max(0, after.length - caret))
  let suffix = 0
  while (suffix < maxSuffix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++
  const maxPrefix = Math.min(before.length, after.length) - suffix
  let prefix = 0
  while (prefix < maxPrefix && before[prefix] === after[prefix]) prefix++
  if (prefix > 0 && isHigh(before.charCodeAt(prefix - 1))) prefix--
  if (suffix > 0 && isLow(before.charCodeAt(before.length - suffix))) suffix--
  return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) }
}

export function applyTextChange(text: Y.Text, change: TextChange): void {
  if (change.remove > 0) text.delete(change.index, change.remove)
  if (change.insert) text.insert(change.index, change.insert)
}

/** Makes `text` read `value` with the smallest edit (writers that receive a whole value). */
export function replaceText(text: Y.Text, value: string): void {
  const change = textChange(text.toString(), value)
  if (change) applyTextChange(text, change)
}

/** Where a position in the old text lands after a Yjs delta; text inserted exactly at it goes after it unless `after`. */
export function mapThroughDelta(position: number, delta: readonly { retain?: number; insert?: unknown; delete?: number }[], after = false): number {
  let oldIndex = 0
  let shift = 0
  for (const op of delta) {
    if (oldIndex > position) break
    if (op.retain !== undefined) oldIndex += op.retain
    else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1
      if (oldIndex < position || (oldIndex === position && after)) shift += length
    } else if (op.delete !== undefined) {
      shift -= Math.max(0, Math.min(op.delete, position - oldIndex))
      oldIndex += op.delete
    }
  }
  return Math.max(0, position + shift)
}
