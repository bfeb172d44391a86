// "Send to decision queue": one row per action item or decision (from the selected note lines, or
// typed), optional owner and due date; all added in one request.
import { useState, type FormEvent } from 'react'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'
import { itemsToSend, MAX_ITEMS, type DraftItem } from './decision-lines'

interface Props {
  meetingId: string
  initialLines: string[]
  onCancel: () => void
  onAdded: (result: { added: number; documentId: string }) => void
}

const blank = (question = ''): DraftItem => ({ question, owner: '', dueDate: '' })

export function DecisionItemsForm({ meetingId, initialLines, onCancel, onAdded }: Props) {
  const [drafts, setDrafts] = useState<DraftItem[]>(() => (initialLines.length > 0 ? initialLines.map((l) => blank(l)) : [blank()]))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const items = itemsToSend(drafts)

  const update = (i: number, patch: Partial<DraftItem>) => setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)))

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (items.length === 0) return setError('Write at least one item.')
    setBusy(true)
    setError(null)
    try {
      onAdded(await api.addDecisionItems(meetingId, items))
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  return (
    <form className="decision-form" onSubmit={submit} data-testid="decision-items-form" aria-label="Send to decision queue">
      <p className="decision-form-hint">One decision or action per line. Owner and due date are optional.</p>
      <ul className="decision-drafts">
        {drafts.map((d, i) => (
          <li key={i} className="decision-draft">
            <input
              className="question"
              aria-label={`Item ${i + 1}`}
              data-testid="decision-item-question"
              value={d.question}
              maxLength={200}
              placeholder="Decision or action"
              onChange={(e) => update(i, { question: e.target.value })}
            />
            <input aria-label={`Owner of item ${i + 1}`} className="owner" value={d.owner} maxLength={100} placeholder="Owner" onChange={(e) => update(i, { owner: e.target.value })} />
            <input aria-label={`Due date of item ${i + 1}`} className="due" type="date" value={d.dueDate} onChange={(e) => update(i, { dueDate: e.target.value })} />
            <button type="button" className="button small subtle" aria-label={`Remove item ${i + 1}`} onClick={() => setDrafts((ds) => (ds.length > 1 ? ds.filter((_, j) => j !== i) : [blank()]))}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      <FormError message={error} />
      <div className="decision-form-actions">
        <button type="button" className="button small subtle" disabled={drafts.length >= MAX_ITEMS} onClick={() => setDrafts((ds) => [...ds, blank()])}>
          + Add line
        </button>
        <span className="spacer" />
        <button type="button" className="button small subtle" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button small primary" disabled={busy || items.length === 0} data-testid="decision-items-submit">
          {busy ? 'Sending…' : items.length > 0 ? `Send ${items.length} ${items.length === 1 ? 'item' : 'items'}` : 'Send'}
        </button>
      </div>
    </form>
  )
}
