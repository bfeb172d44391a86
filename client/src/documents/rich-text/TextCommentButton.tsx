// "Comment" beside a non-empty selection in a rich-text field: it opens the side panel's composer
// pinned to the selected words. It follows the editor in the page's tab order (Tab from a
// selection reaches it) and is also on Ctrl/⌘+Alt+M; a viewer's mouse or touch selection shows it
// too, since commenting does not change the document.
import { useEffect, useRef, useState, type RefObject } from 'react'
import type { Editor } from '@tiptap/react'

interface Props {
  editor: Editor
  /** The field's box (position: relative) the button is placed in. */
  box: RefObject<HTMLDivElement | null>
  onComment: () => void
}

function selectionInside(element: HTMLElement): boolean {
  const selection = document.getSelection()
  return Boolean(selection && !selection.isCollapsed && selection.anchorNode && element.contains(selection.anchorNode))
}

export function TextCommentButton({ editor, box, onComment }: Props) {
  const button = useRef<HTMLButtonElement>(null)
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null)

  useEffect(() => {
    const update = () => {
      const container = box.current
      if (editor.isDestroyed || !container) return
      const { empty, to } = editor.state.selection
      const focusedHere = button.current !== null && button.current === document.activeElement
      if (empty || !(editor.isFocused || selectionInside(editor.view.dom) || focusedHere)) {
        setPlace(null)
        return
      }
      const end = editor.view.coordsAtPos(to)
      const rect = container.getBoundingClientRect()
      const left = Math.max(0, Math.min(end.left - rect.left - 24, rect.width - 96))
      setPlace({ top: end.bottom - rect.top + 6, left })
    }
    editor.on('selectionUpdate', update)
    editor.on('transaction', update)
    editor.on('blur', update)
    document.addEventListener('selectionchange', update)
    return () => {
      editor.off('selectionUpdate', update)
      editor.off('transaction', update)
      editor.off('blur', update)
      document.removeEventListener('selectionchange', update)
    }
  }, [editor, box])

  if (!place) return null
  return (
    <button
      ref={button} type="button" className="button small text-comment-button no-print" style={{ top: place.top, left: place.left }}
      aria-label="Comment on the selected text" aria-keyshortcuts="Control+Alt+M Meta+Alt+M" title="Comment on the selected text (Ctrl+Alt+M)"
      data-testid="text-comment-button"
      // Keep the editor's selection when pressed with a mouse or finger.
      onMouseDown={(e) => e.preventDefault()}
      onBlur={() => { if (!editor.isFocused && !selectionInside(editor.view.dom)) setPlace(null) }}
      onClick={onComment}
    >
      Comment
    </button>
  )
}
