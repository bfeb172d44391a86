// Each person's own undo/redo for a structured view (see local-undo.ts): undo can never revert
// someone else's edit, because the UndoManager tracks only this hook's private origin. Writes go
// through `write`, which runs the shared writer inside `ydoc.transact(…, origin)`.
import { useCallback, useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { createLocalUndoManager, LocalEditOrigin, runAs } from './local-undo'

export interface LocalUndo {
  /** Runs a shared writer as this person's edit; returns what the writer returned. */
  write: <T>(fn: () => T) => T
  undo: () => void
  redo: () => void
  canUndo: boolean
  canRedo: boolean
}

export function useLocalUndo(ydoc: Y.Doc, roots: readonly string[], enabled: boolean): LocalUndo {
  const key = roots.join(',')
  // A new origin per document and roots: a new Y.Doc must not share the old one's undo origin.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const origin = useMemo(() => new LocalEditOrigin(`local:${key}`), [ydoc, key])
  const [manager, setManager] = useState<Y.UndoManager | null>(null)
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false })

  useEffect(() => {
    if (!enabled) return
    const undoManager = createLocalUndoManager(ydoc, key.split(','), origin)
    const refresh = () => setStacks({ canUndo: undoManager.undoStack.length > 0, canRedo: undoManager.redoStack.length > 0 })
    undoManager.on('stack-item-added', refresh)
    undoManager.on('stack-item-popped', refresh)
    undoManager.on('stack-cleared', refresh)
    setManager(undoManager)
    refresh()
    return () => {
      undoManager.destroy()
      setManager(null)
      setStacks({ canUndo: false, canRedo: false })
    }
  }, [ydoc, key, origin, enabled])

  const write = useCallback(<T,>(fn: () => T): T => runAs(ydoc, origin, fn), [ydoc, origin])
  const undo = useCallback(() => void manager?.undo(), [manager])
  const redo = useCallback(() => void manager?.redo(), [manager])

  return { write, undo, redo, canUndo: stacks.canUndo, canRedo: stacks.canRedo }
}
