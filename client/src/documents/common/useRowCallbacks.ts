// Stable per-row callbacks for memoised table rows: one object per row id, created once, that
// always calls the table's latest handlers (so a row's props do not change on every render).
import { useCallback, useLayoutEffect, useRef } from 'react'

export interface RowHandlers {
  toggle: (id: string) => void
  askDelete: (id: string) => void
  cancelDelete: () => void
  remove: (id: string) => void
}

export interface RowCallbacks {
  onToggle: () => void
  onAskDelete: () => void
  onCancelDelete: () => void
  onDelete: () => void
}

export function useRowCallbacks(handlers: RowHandlers): (id: string) => RowCallbacks {
  const latest = useRef(handlers)
  useLayoutEffect(() => {
    latest.current = handlers
  })
  const cache = useRef(new Map<string, RowCallbacks>())
  return useCallback((id: string) => {
    let callbacks = cache.current.get(id)
    if (!callbacks) {
      callbacks = {
        onToggle: () => latest.current.toggle(id),
        onAskDelete: () => latest.current.askDelete(id),
        onCancelDelete: () => latest.current.cancelDelete(),
        onDelete: () => latest.current.remove(id),
      }
      cache.current.set(id, callbacks)
    }
    return callbacks
  }, [])
}
