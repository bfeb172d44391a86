// A Tiptap editor bound to one Y.XmlFragment: a document body, or a rich-text field of a row
// (initiative description, pillar narrative, decision context). Carets of others are shown when a
// provider is given; with provider null (a saved version) the editor is plain and read-only.
import { useEffect, useRef, type ReactNode } from 'react'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { PresenceUser } from '../../../../shared/presence'
import { useDocumentComments } from '../../comments/comment-context'
import { textAnchorFor, type TextPlace } from '../../comments/text-anchor'
import { EditorToolbar } from './EditorToolbar'
import { setTextThreads, TextComments } from './text-comments'
import { TextCommentButton } from './TextCommentButton'
import './text-comments.css'
import { keepTextInNewTextBlocks } from './text-block-invariant'

export interface RichTextFieldProps {
  fragment: Y.XmlFragment
  provider: WebsocketProvider | null
  user: PresenceUser
  canWrite: boolean
  label: string
  /** 'body' = a whole document (sticky full toolbar); 'field' = compact, inside a row or section. */
  variant?: 'body' | 'field'
  /** Field variant: a small heading, with the formatting toolbar on the same line. */
  heading?: string
  testId?: string
  /** Body variant: tools added to the toolbar, given the editor (the meeting notes' "Make action"). */
  toolbarExtra?: (editor: Editor) => ReactNode
  /** Where text threads in this field are pinned; without it (or off the document page) the field has none. */
  commentPlace?: TextPlace
}

const quoteLabel = (quote: string) => `“${quote.length > 60 ? `${quote.slice(0, 59)}…` : quote}”`

export function RichTextField({ fragment, provider, user, canWrite, label, variant = 'field', heading, testId, toolbarExtra, commentPlace }: RichTextFieldProps) {
  // Blocks this editor creates (Enter, a new list item) get their Y.XmlText at once, so two
  // people typing into them merge instead of garbling.
  useEffect(() => keepTextInNewTextBlocks(fragment), [fragment])

  // Text threads: highlighted in the editor, started from a selection. The editor's extension
  // reads the latest context through a ref, since the editor outlives renders.
  const comments = useDocumentComments()
  const place = provider && comments ? commentPlace ?? null : null
  const latest = useRef({ comments, place })
  latest.current = { comments, place }
  const box = useRef<HTMLDivElement>(null)
  const starter = useRef<() => boolean>(() => false)
  const editorRef = useRef<Editor | null>(null)
  const threads = comments && place ? comments.textThreads(place) : null

  const editor = useEditor(
    {
      editable: canWrite,
      extensions: [
        // trailingNode off: it appends an empty paragraph whenever a document ends in a list or
        // heading, on every client that opens it, so two people opening the notes together
        // each wrote one (opening a document must not write to it). Enter leaves a final list.
        StarterKit.configure({ undoRedo: false, trailingNode: false }),
        Collaboration.configure({ fragment }),
        ...(provider ? [CollaborationCaret.configure({ provider, user })] : []),
        ...(place ? [TextComments.configure({
          threads: () => (latest.current.place && latest.current.comments?.textThreads(latest.current.place)) || [],
          onStatus: (detached) => latest.current.comments?.reportDetached(detached),
          onActivate: (threadId) => latest.current.comments?.showThread(threadId, Boolean(editorRef.current?.isEditable)),
          onStart: () => starter.current(),
        })] : []),
      ],
      editorProps: {
        attributes: { class: 'rich-text', 'aria-label': label, spellcheck: 'true' },
      },
    },
    // A new fragment/provider needs a new editor; canWrite and user are applied in place below.
    [fragment, provider, Boolean(place)],
  )

  editorRef.current = editor
  useEffect(() => {
    if (editor && !editor.isDestroyed && threads) editor.view.dispatch(setTextThreads(editor.state.tr, threads))
  }, [editor, threads])

  /** Opens the side panel's composer pinned to the selected words. */
  function startComment(): boolean {
    const { comments: current, place: where } = latest.current
    if (!editor || !current?.canStart || !where) return false
    const { from, to } = editor.state.selection
    const anchor = textAnchorFor(editor.state, where, from, to)
    if (!anchor) return false
    current.startOn({ label: quoteLabel(anchor.quote ?? ''), anchor })
    return true
  }
  starter.current = startComment
  const commentButton = editor && place && comments?.canStart ? <TextCommentButton editor={editor} box={box} onComment={startComment} onShow={(threadId) => comments.showThread(threadId)} /> : null

  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== canWrite) editor.setEditable(canWrite)
  }, [editor, canWrite])

  useEffect(() => {
    if (provider && editor && !editor.isDestroyed) editor.commands.updateUser(user)
  }, [editor, user, provider])

  if (variant === 'body') {
    return (
      <div className="rich-text-document" data-testid={testId} ref={box}>
        {canWrite && editor && <EditorToolbar editor={editor} extra={toolbarExtra?.(editor)} />}
        <EditorContent editor={editor} className="editor-surface" />
        {commentButton}
      </div>
    )
  }
  // The toolbar shares the heading's line and shows on hover/focus: no layout shift either way.
  return (
    <div className="rich-field-block" data-testid={testId} ref={box}>
      <div className="rich-field-head">
        {heading && <span className="detail-label">{heading}</span>}
        {canWrite && editor && <EditorToolbar editor={editor} compact />}
      </div>
      <EditorContent editor={editor} className="rich-field" />
      {commentButton}
    </div>
  )
}

/** A rich-text field that may be missing (read-only view of a damaged or old row). */
export function OptionalRichTextField(props: Omit<RichTextFieldProps, 'fragment'> & { fragment: Y.XmlFragment | null; emptyText: string }) {
  const { fragment, emptyText, ...rest } = props
  if (!fragment) {
    return (
      <div className="rich-field-block">
        {props.heading && <div className="rich-field-head"><span className="detail-label">{props.heading}</span></div>}
        <p className="rich-field-empty muted">{emptyText}</p>
      </div>
    )
  }
  return <RichTextField fragment={fragment} {...rest} />
}
