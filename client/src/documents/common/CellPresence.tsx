// React side of cell presence (see sync/cell-presence.ts): one store per live document body, each
// cell subscribes to its own key only, and announces itself on focus and leaves on blur.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { CellPresence, cellKey, type CellEditor, type CellRef } from '../../sync/cell-presence'

const Store = createContext<CellPresence | null>(null)
const NONE: readonly CellEditor[] = []
const noop = () => () => {}

/** Provides cell presence for a live document; a saved version (provider null) has none. */
export function CellPresenceProvider({ provider, children }: { provider: WebsocketProvider | null; children: ReactNode }) {
  const [store, setStore] = useState<CellPresence | null>(null)
  useEffect(() => {
    if (!provider) return
    const created = new CellPresence(provider.awareness)
    setStore(created)
    return () => {
      created.destroy()
      setStore(null)
    }
  }, [provider])
  return <Store.Provider value={store}>{children}</Store.Provider>
}

/** The other people in this cell; re-renders only when they change. */
export function useCellEditors(cell: CellRef | undefined): readonly CellEditor[] {
  const store = useContext(Store)
  const key = cell ? cellKey(cell.rowId, cell.field) : null
  const subscribe = useCallback((listener: () => void) => (store && key ? store.subscribe(key, listener) : noop()), [store, key])
  return useSyncExternalStore(subscribe, () => (store && key ? store.editorsOf(key) : NONE))
}

/** Focus/blur handlers that announce this cell to the others. */
export function useCellFocus(cell: CellRef | undefined): { onFocus: () => void; onBlur: () => void } {
  const store = useContext(Store)
  const rowId = cell?.rowId
  const field = cell?.field
  useEffect(() => () => {
    if (store && rowId && field) store.leave({ rowId, field })
  }, [store, rowId, field])
  return useMemo(() => ({
    onFocus: () => { if (store && rowId && field) store.setEditing({ rowId, field }) },
    onBlur: () => { if (store && rowId && field) store.leave({ rowId, field }) },
  }), [store, rowId, field])
}

/** The names of whoever was last seen in this cell, kept after they leave (to say who changed it). */
export function useLastEditors(editors: readonly CellEditor[]): string[] {
  const last = useRef<string[]>([])
  if (editors.length > 0) last.current = [...new Set(editors.map((e) => e.name))]
  return last.current
}

/** A ring in the (first) editor's colour around the cell, and each person's name in their colour on it. */
export function CellEditorsMark({ editors }: { editors: readonly CellEditor[] }) {
  if (editors.length === 0) return null
  const people = [...new Map(editors.map((e) => [e.userId, e])).values()]
  const names = people.map((p) => p.name)
  return (
    <>
      <span className="cell-editors-ring" style={{ borderColor: people[0].color }} aria-hidden="true" />
      <span className="cell-editors-label" data-testid="cell-editors" data-names={names.join(',')}
        title={`${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} editing this`}>
        {people.map((p) => <span key={p.userId} className="cell-editor-name" style={{ background: p.color }}>{p.name}</span>)}
      </span>
    </>
  )
}
