// A labelled text box for a thread, a reply or an edit. Ctrl/Cmd+Enter sends; the text is kept on error.
// Typing "@" offers the workspace's members (a combobox: arrows move, Enter or Tab chooses, Escape
// closes); a chosen person is written as "@Name" and sent as a mention of their id.
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { COMMENT_MAX_CHARS } from '../../../shared/comment-limits'
import { errorMessage } from '../api'
import { FormError } from '../components/FormError'
import { useMentionMembers, type MentionMember } from './mention-members'
import { matchMembers, mentionQueryAt, mentionsInBody, type MentionQuery } from './mention-query'

interface Props {
  label: string
  submitLabel: string
  initial?: string
  testId: string
  onSubmit: (body: string, mentions: string[]) => Promise<void>
  onCancel?: () => void
}

export function CommentForm({ label, submitLabel, initial = '', testId, onSubmit, onCancel }: Props) {
  const [body, setBody] = useState(initial)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [query, setQuery] = useState<MentionQuery | null>(null)
  const [active, setActive] = useState(0)
  const chosen = useRef(new Map<string, string>())
  const box = useRef<HTMLTextAreaElement>(null)
  const members = useMentionMembers()
  const id = useId()
  const options = query ? matchMembers(members, query.text) : []
  const listOpen = options.length > 0

  async function submit(event?: FormEvent) {
    event?.preventDefault()
    if (!body.trim()) {
      setError('Write something first.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      await onSubmit(body, mentionsInBody(body, chosen.current))
      setBody('')
      chosen.current.clear()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  function change(value: string, caret: number) {
    setBody(value)
    setQuery(mentionQueryAt(value, caret))
    setActive(0)
  }

  function choose(member: MentionMember) {
    if (!query) return
    const caret = query.start + 1 + query.text.length
    const inserted = `@${member.name} `
    const value = body.slice(0, query.start) + inserted + body.slice(caret)
    chosen.current.set(member.userId, member.name)
    setBody(value)
    setQuery(null)
    const at = query.start + inserted.length
    requestAnimationFrame(() => { box.current?.focus(); box.current?.setSelectionRange(at, at) })
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (listOpen) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : -1
        setActive((i) => (i + step + options.length) % options.length)
        return
      }
      if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        event.preventDefault()
        choose(options[Math.min(active, options.length - 1)])
        return
      }
      if (event.key === 'Escape') {
        event.preventDefault()
        setQuery(null)
        return
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit()
    if (event.key === 'Escape' && onCancel) onCancel()
  }

  const optionId = (i: number) => `${id}-option-${i}`
  return (
    <form className="comment-form" onSubmit={submit} noValidate data-testid={testId}>
      <label htmlFor={id} className="visually-hidden">{label}</label>
      <div className="mention-box">
        <textarea
          ref={box} id={id} value={body} placeholder={label} rows={2} maxLength={COMMENT_MAX_CHARS}
          role="combobox" aria-autocomplete="list" aria-expanded={listOpen} aria-controls={`${id}-people`}
          aria-activedescendant={listOpen ? optionId(Math.min(active, options.length - 1)) : undefined}
          onChange={(e) => change(e.target.value, e.target.selectionStart)} onKeyDown={onKeyDown}
          onBlur={() => setQuery(null)} aria-describedby={`${id}-hint`}
        />
        <ul id={`${id}-people`} role="listbox" aria-label="People to mention" className="mention-list" hidden={!listOpen}>
          {options.map((m, i) => (
            <li
              key={m.userId} id={optionId(i)} role="option" aria-selected={i === active} className="mention-option"
              // mousedown, not click: the textarea must not lose focus (which closes the list) first.
              onMouseDown={(e) => { e.preventDefault(); choose(m) }}
            >
              {m.name}
            </li>
          ))}
        </ul>
      </div>
      <span id={`${id}-hint`} className="visually-hidden">Ctrl+Enter sends; type @ to mention someone</span>
      <div className="comment-form-actions">
        {onCancel && <button type="button" className="button small subtle" onClick={onCancel}>Cancel</button>}
        <button type="submit" className="button small primary" disabled={busy}>{busy ? 'Sending…' : submitLabel}</button>
      </div>
      <FormError message={error} />
    </form>
  )
}
