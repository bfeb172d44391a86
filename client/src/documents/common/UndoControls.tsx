// Undo / redo buttons for a structured view, and the Ctrl/Cmd+Z, Shift+Z, Ctrl+Y shortcuts.
// Shortcuts are left to the focused element when it has its own undo: a rich-text editor, or a
// cell the person is typing in (data-dirty="true").
import { useEffect, useRef } from 'react'
import type { LocalUndo } from './useLocalUndo'
import { undoShortcut } from './undo-keys'

function handledElsewhere(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target.closest('[contenteditable="true"]')) return true
  return target.dataset.dirty === 'true'
}

/** Mounted views, newest last: with focus nowhere in particular, only the newest one answers. */
const mounted: HTMLElement[] = []

/** The key event belongs to the view containing `root`: focus is inside it, or nowhere and it is the newest. */
function belongsTo(root: HTMLElement | null, target: EventTarget | null): boolean {
  if (!root) return false
  if (target instanceof Node && root.contains(target)) return true
  return (target === document.body || target === null) && mounted[mounted.length - 1] === root
}

export function UndoControls({ undo }: { undo: LocalUndo }) {
  const { undo: runUndo, redo: runRedo } = undo
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const root = ref.current?.closest<HTMLElement>('.board-doc') ?? null
    if (root) mounted.push(root)
    const onKey = (e: KeyboardEvent) => {
      const action = undoShortcut(e)
      if (!action || e.defaultPrevented || handledElsewhere(e.target) || !belongsTo(root, e.target)) return
      e.preventDefault()
      if (action === 'undo') runUndo()
      else runRedo()
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
      if (root) mounted.splice(mounted.lastIndexOf(root), 1)
    }
  }, [runUndo, runRedo])

  return (
    <div className="undo-controls" role="group" aria-label="Your changes" ref={ref}>
      <button type="button" className="button small subtle" onClick={runUndo} disabled={!undo.canUndo}
        title="Undo your last change (Ctrl/Cmd+Z)" aria-keyshortcuts="Control+Z Meta+Z" data-testid="undo">
        ↶ Undo
      </button>
      <button type="button" className="button small subtle" onClick={runRedo} disabled={!undo.canRedo}
        title="Redo (Ctrl/Cmd+Shift+Z)" aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z" data-testid="redo">
        ↷ Redo
      </button>
    </div>
  )
}
