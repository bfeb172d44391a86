import { useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react'

interface EditableTitleProps {
  title: string
  editable: boolean
  /** Saves a new title; reject (throw) to restore the old one. */
  onSave: (title: string) => Promise<void>
  onError?: (message: string | null) => void
}

/**
 * The document's title as a heading that writers edit in place (contenteditable): Enter or blur
 * saves, Escape restores. Its text is always the current title, for viewers and writers alike.
 */
export function EditableTitle({ title, editable, onSave, onError }: EditableTitleProps) {
  const ref = useRef<HTMLSpanElement>(null)
  const [saving, setSaving] = useState(false)

  // The text is set here, not rendered as a child, so React never fights the user's typing.
  // Show the saved title whenever it changes, unless the user is typing in it.
  useLayoutEffect(() => {
    const el = ref.current
    if (el && document.activeElement !== el && el.textContent !== title) el.textContent = title
  }, [title])

  async function commit() {
    const el = ref.current
    if (!el) return
    const next = (el.textContent ?? '').replace(/\s+/g, ' ').trim()
    if (!next) {
      el.textContent = title
      onError?.('A title is required.')
      return
    }
    if (next === title) {
      el.textContent = title
      return
    }
    setSaving(true)
    try {
      await onSave(next)
      onError?.(null)
    } catch (error) {
      el.textContent = title
      onError?.(error instanceof Error ? error.message : 'Could not rename.')
    } finally {
      setSaving(false)
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLSpanElement>) {
    if (event.key === 'Enter') {
      event.preventDefault()
      event.currentTarget.blur()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.currentTarget.textContent = title
      event.currentTarget.blur()
    }
  }

  function handlePaste(event: ClipboardEvent<HTMLSpanElement>) {
    event.preventDefault()
    const text = event.clipboardData.getData('text/plain').replace(/\s+/g, ' ')
    document.execCommand('insertText', false, text)
  }

  // The heading stays a heading for everyone; for writers the text box is inside it.
  return (
    <h1 className={`document-title${editable ? ' editable' : ''}${saving ? ' saving' : ''}`}>
      <span
        ref={ref}
        className="document-title-text"
        data-testid="document-title"
        contentEditable={editable ? 'plaintext-only' : false}
        spellCheck={editable}
        role={editable ? 'textbox' : undefined}
        aria-label={editable ? 'Document title' : undefined}
        onBlur={editable ? () => void commit() : undefined}
        onKeyDown={editable ? handleKeyDown : undefined}
        onPaste={editable ? handlePaste : undefined}
      />
    </h1>
  )
}
