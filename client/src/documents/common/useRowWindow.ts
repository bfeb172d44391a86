// Renders only the rows of a long table that are near its scroll box's view (TanStack Virtual),
// past WINDOW_FROM rows. The focused row and its neighbours, and any row named in `keep` (a
// delete being confirmed, a row just added) stay rendered, so focus and Tab never fall off the
// window; gaps stand in for the rest at their measured (or estimated) height. Each row measures
// itself through `measure`, so expanded rows take their real height.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import { useCallback, useMemo, useRef, useState, type FocusEvent, type RefObject } from 'react'
import { keptIndexes, windowSlices, type WindowSlice } from './row-window'

export const WINDOW_FROM = 100
/** A collapsed roadmap row is about 35 px; measured rows correct it. */
const ESTIMATE_PX = 36
/** Rows rendered above and below the view: a fast scroll shows rows, not gaps. */
const OVERSCAN = 8

export interface RowWindow {
  /** Whether only a window of the rows is rendered. */
  windowed: boolean
  slices: WindowSlice[]
  /** Ref callback for a rendered row's element (with data-index and data-row-id). */
  measure?: (element: Element | null) => void
  /** Put on the table (or its box): remembers which row holds focus. */
  onFocus: (event: FocusEvent) => void
}

export function useRowWindow(ids: readonly string[], box: RefObject<HTMLElement | null>, keep: readonly (string | null)[], renderAll: boolean): RowWindow {
  const windowed = !renderAll && ids.length > WINDOW_FROM
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const indexOf = useMemo(() => new Map(ids.map((id, index) => [id, index])), [ids])
  const focused = focusedId === null ? null : (indexOf.get(focusedId) ?? null)
  // The virtualiser recomputes its range when rangeExtractor changes, so that follows the kept
  // indexes' values (a string), not the new array each render brings.
  const keptKey = keep.map((id) => (id === null ? -1 : (indexOf.get(id) ?? -1))).join(',')
  const rangeExtractor = useCallback(
    (range: Range) => keptIndexes(defaultRangeExtractor(range), keptKey.split(',').filter((s) => s !== '').map(Number), focused, range.count),
    [keptKey, focused],
  )
  const getItemKey = useCallback((index: number) => ids[index], [ids])
  // Sizes come from the ResizeObserver's entries, never from offsetHeight: the library's default
  // reads offsetHeight as each row mounts, which forced a layout of the whole page (its 500-bar
  // timeline included) per row, ~0.9 s of a cold load at 500 rows. A row mounting again is given
  // its last measured size until its entry arrives (before the next paint).
  const sizes = useRef(new Map<string, number>())
  const measureElement = useCallback((element: Element, entry: ResizeObserverEntry | undefined) => {
    const id = element.getAttribute('data-row-id') ?? ''
    const box = entry?.borderBoxSize?.[0]
    if (!box) return sizes.current.get(id) ?? ESTIMATE_PX
    const size = Math.round(box.blockSize)
    sizes.current.set(id, size)
    return size
  }, [])
  const virtualizer = useVirtualizer({
    count: ids.length,
    enabled: windowed,
    getScrollElement: () => box.current,
    estimateSize: () => ESTIMATE_PX,
    getItemKey,
    measureElement,
    overscan: OVERSCAN,
    rangeExtractor,
    // Render a first window before the box is measured, so the first paint has rows.
    initialRect: { width: 0, height: 800 },
  })
  const onFocus = useCallback((event: FocusEvent) => {
    const row = (event.target as Element).closest('[data-row-id]')
    if (row) setFocusedId(row.getAttribute('data-row-id'))
  }, [])

  const slices: WindowSlice[] = windowed
    ? windowSlices(virtualizer.getVirtualItems(), virtualizer.getTotalSize())
    : ids.map((_, index) => ({ kind: 'row' as const, index }))
  return { windowed, slices, measure: windowed ? virtualizer.measureElement : undefined, onFocus }
}
