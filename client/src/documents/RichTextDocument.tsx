// A collaborative rich-text body: Tiptap bound to the Y.Doc's root "body" XmlFragment, with
// everyone's caret labelled with their name and colour.
import { useEffect } from 'react'
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { getBodyFragment } from '../../../shared/documents/rich-text'
import type { DocumentBodyProps } from './document-body'

export function RichTextDocument({ ydoc, provider, canWrite, user }: DocumentBodyProps) {
  const editor = useEditor(
    {
      editable: canWrite,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ fragment: getBodyFragment(ydoc) }),
        CollaborationCaret.configure({ provider, user }),
      ],
      editorProps: {
        attributes: { class: 'rich-text', 'aria-label': 'Document body', spellcheck: 'true' },
      },
    },
    // A new Y.Doc/provider needs a new editor; canWrite and user are applied in place below.
    [ydoc, provider],
  )

  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== canWrite) editor.setEditable(canWrite)
  }, [editor, canWrite])

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.updateUser(user)
  }, [editor, user])

  return (
    <div className="rich-text-document">
      {canWrite && editor && <EditorToolbar editor={editor} />}
      <EditorContent editor={editor} className="editor-surface" />
    </div>
  )
}

function EditorToolbar({ editor }: { editor: Editor }) {
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
    <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
      {button('B', 'Bold', active.bold, () => editor.chain().focus().toggleBold().run(), 'bold')}
      {button('I', 'Italic', active.italic, () => editor.chain().focus().toggleItalic().run(), 'italic')}
      {button('H2', 'Heading', active.heading, () => editor.chain().focus().toggleHeading({ level: 2 }).run())}
      {button('•', 'Bullet list', active.bulletList, () => editor.chain().focus().toggleBulletList().run())}
      <span className="tool-separator" aria-hidden="true" />
      {button('↶', 'Undo', false, () => editor.chain().focus().undo().run())}
      {button('↷', 'Redo', false, () => editor.chain().focus().redo().run())}
    </div>
  )
}
