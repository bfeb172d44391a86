// "Comment" beside a non-empty selection in a rich-text field: it opens the side panel's composer
// pinned to the selected words. It follows the editor in the page's tab order (Tab from a
// selection reaches it) and is also on Ctrl/⌘+Alt+M; a viewer's mouse or touch selection shows it
// too, since commenting does not change the document. With the caret inside a thread's highlighted
// words it reads "Show comment" and brings that thread into view (the keyboard's way to a thread,
// and the way on a tablet, where the panel is below the document).
import { useEffect, useRef, useState, type MouseEvent, type RefObject } from 'react'
import type { Editor } from '@tiptap/react'
import { threadAt } from './text-comments'

interface Props {
  editor: Editor
  /** The field's box (position: relative) the button is placed in. */
  box: RefObject<HTMLDivElement | null>
  onComment: () => void
  onShow: (threadId: string) => void
}

function selectionInside(element: HTMLElement): boolean {
  const selection = document.getSelection()
  return Boolean(selection && !selection.isCollapsed && selection.anchorNode && element.contains(selection.anchorNode))
}

export function TextCommentButton({ editor, box, onComment, onShow }: Props) {
  const button = useRef<HTMLButtonElement>(null)
  const [place, setPlace] = useState<{ top: number; left: number; threadId: string | null } | null>(null)

  useEffect(() => {
    let leavingFor: EventTarget | null = null
    const update = () => {
      const container = box.current
      if (editor.isDestroyed || !container) return
      const { empty, to } = editor.state.selection
      const focusedHere = button.current !== null && (button.current === document.activeElement || button.current === leavingFor)
      const threadId = empty ? threadAt(editor.state, to) : null
      const wanted = empty ? threadId !== null && (editor.isFocused || focusedHere) : editor.isFocused || selectionInside(editor.view.dom) || focusedHere
      if (!wanted) {
        setPlace(null)
        return
      }
      const end = editor.view.coordsAtPos(to)
      const rect = container.getBoundingClientRect()
      const left = Math.max(0, Math.min(end.left - rect.left - 24, rect.width - 132))
      setPlace((p) => (p && p.top === end.bottom - rect.top + 6 && p.left === left && p.threadId === threadId ? p : { top: end.bottom - rect.top + 6, left, threadId }))
    }
    // Where focus is going when something in the field loses it: while the editor blurs on its way
    // to this button, activeElement is not the button yet, and the button must not vanish.
    const onLeave = (event: FocusEvent) => { leavingFor = event.relatedTarget }
    const container = box.current
    container?.addEventListener('blur', onLeave, true)
    editor.on('selectionUpdate', update)
    editor.on('transaction', update)
    editor.on('blur', update)
    document.addEventListener('selectionchange', update)
    return () => {
      container?.removeEventListener('blur', onLeave, true)
      editor.off('selectionUpdate', update)
      editor.off('transaction', update)
      editor.off('blur', update)
      document.removeEventListener('selectionchange', update)
    }
  }, [editor, box])

  if (!place) return null
  const { threadId } = place
  const common = {
    ref: button, type: 'button' as const, className: 'button small text-comment-button no-print', style: { top: place.top, left: place.left },
    // Keep the editor's selection when pressed with a mouse or finger.
    onMouseDown: (e: MouseEvent) => e.preventDefault(),
    onBlur: () => { if (!editor.isFocused && !selectionInside(editor.view.dom)) setPlace(null) },
  }
  if (threadId) {
    return <button {...common} data-testid="text-thread-button" onClick={() => onShow(threadId)}>Show comment</button>
  }
  return (
    <button {...common} aria-label="Comment on the selected text" aria-keyshortcuts="Control+Alt+M Meta+Alt+M" title="Comment on the selected text (Ctrl+Alt+M)"
      data-testid="text-comment-button" onClick={onComment}>
      Comment
    </button>
  )
}
