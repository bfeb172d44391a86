// Pure parts of a windowed table (useRowWindow): which rows stay rendered, and the gaps between
// them that keep the scroll height honest.

/** A rendered row, or an empty stretch standing in for rows that are not rendered. */
export type WindowSlice = { kind: 'row'; index: number } | { kind: 'gap'; key: string; height: number }

/**
 * The virtualiser's range plus the rows that must stay rendered: each kept row, and the focused
 * row's neighbours, so Tab and Shift+Tab always find the next row in the page. Sorted, unique.
 */
export function keptIndexes(range: readonly number[], kept: readonly number[], focused: number | null, count: number): number[] {
  const all = new Set(range)
  for (const index of kept) all.add(index)
  if (focused !== null) for (const index of [focused - 1, focused, focused + 1]) all.add(index)
  return [...all].filter((i) => i >= 0 && i < count).sort((a, b) => a - b)
}

/** Rendered rows in order, with a gap wherever rows between them (or before or after them) are not rendered. */
export function windowSlices(items: readonly { index: number; start: number; end: number }[], totalSize: number): WindowSlice[] {
  const slices: WindowSlice[] = []
  let reached = 0
  for (const item of items) {
    if (item.start > reached) slices.push({ kind: 'gap', key: `gap-${item.index}`, height: item.start - reached })
    slices.push({ kind: 'row', index: item.index })
    reached = item.end
  }
  if (totalSize > reached) slices.push({ kind: 'gap', key: 'gap-end', height: totalSize - reached })
  return slices
}
