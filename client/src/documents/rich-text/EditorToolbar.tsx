// Formatting toolbar for a Tiptap editor bound to Yjs (undo/redo are Collaboration's, per person).
import type { ReactNode } from 'react'
import { useEditorState, type Editor } from '@tiptap/react'

/** `extra`: tools a page adds after the formatting ones (the meeting room's "Make action"). */
export function EditorToolbar({ editor, compact = false, extra }: { editor: Editor; compact?: boolean; extra?: ReactNode }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading', { level: 2 }),
      bulletList: e.isActive('bulletList'),
    }),
  })

  const button = (label: string, title: string, isActive: boolean, run: () => void, className = '') => (
    <button
      type="button"
      className={`tool ${isActive ? 'active' : ''} ${className}`}
      aria-label={title}
      aria-pressed={isActive}
      title={title}
      // Keep the editor's selection: act on mousedown without taking focus.
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {label}
    </button>
  )

  return (
    <div className={`editor-toolbar ${compact ? 'compact' : ''}`} role="toolbar" aria-label="Formatting">
      {button('B', 'Bold', active.bold, () => editor.chain().focus().toggleBold().run(), 'bold')}
      {button('I', 'Italic', active.italic, () => editor.chain().focus().toggleItalic().run(), 'italic')}
      {!compact && button('H2', 'H2 heading', active.heading, () => editor.chain().focus().toggleHeading({ level: 2 }).run())}
      {button('•', 'Bullet list', active.bulletList, () => editor.chain().focus().toggleBulletList().run())}
      <span className="tool-separator" aria-hidden="true" />
      {button('↶', 'Undo', false, () => editor.chain().focus().undo().run())}
      {button('↷', 'Redo', false, () => editor.chain().focus().redo().run())}
      {extra && <span className="tool-separator" aria-hidden="true" />}
      {extra}
    </div>
  )
}
