// Building a meeting's agenda: the server's proposal (with its reasons) to accept, then reorder,
// remove, or add any document of the workspace.
import { useState } from 'react'
import type { DocumentDto } from '../../../shared/api'
import { DOCUMENT_KIND_LABELS } from '../../../shared/document-kinds'
import { addEntries, moveEntry, removeEntry, type AgendaEntry } from './agenda-list'
import type { AgendaProposalItem } from '../../../shared/api'

interface Props {
  agenda: AgendaEntry[]
  onChange: (agenda: AgendaEntry[]) => void
  proposal: { loading: boolean; items: AgendaProposalItem[]; error: string | null }
  documents: DocumentDto[]
}

const fromProposal = (p: AgendaProposalItem): AgendaEntry => ({ documentId: p.documentId, title: p.title, kind: p.kind, reasons: p.reasons ?? [] })

export function AgendaPicker({ agenda, onChange, proposal, documents }: Props) {
  const [adding, setAdding] = useState('')
  const inAgenda = new Set(agenda.map((a) => a.documentId))
  const pending = proposal.items.filter((p) => !inAgenda.has(p.documentId))
  const addable = documents.filter((d) => !d.archivedAt && !inAgenda.has(d.id))

  function addDocument() {
    const d = documents.find((doc) => doc.id === adding)
    if (!d) return
    onChange(addEntries(agenda, [{ documentId: d.id, title: d.title, kind: d.kind, reasons: [] }]))
    setAdding('')
  }

  return (
    <div className="agenda-picker">
      <div className="agenda-builder">
        <span className="field-label">Agenda</span>
        {agenda.length === 0 ? (
          <p className="muted small-text">No documents yet: accept proposed ones below, or add any document.</p>
        ) : (
          <ol className="agenda-entries" data-testid="agenda-entries">
            {agenda.map((a, i) => (
              <li key={a.documentId} className="agenda-entry" data-testid="agenda-entry" data-document-id={a.documentId}>
                <span className="agenda-number">{i + 1}</span>
                <div className="agenda-entry-text">
                  <span className="agenda-entry-title">{a.title}</span>
                  <span className="agenda-entry-kind">{DOCUMENT_KIND_LABELS[a.kind] ?? a.kind}</span>
                  {a.reasons.length > 0 && <span className="agenda-entry-reasons">{a.reasons.join(' · ')}</span>}
                </div>
                <div className="agenda-entry-actions">
                  <button type="button" className="button small subtle" aria-label={`Move ${a.title} up`} disabled={i === 0} onClick={() => onChange(moveEntry(agenda, a.documentId, -1))}>
                    ↑
                  </button>
                  <button type="button" className="button small subtle" aria-label={`Move ${a.title} down`} disabled={i === agenda.length - 1} onClick={() => onChange(moveEntry(agenda, a.documentId, 1))}>
                    ↓
                  </button>
                  <button type="button" className="button small subtle danger" aria-label={`Remove ${a.title}`} onClick={() => onChange(removeEntry(agenda, a.documentId))}>
                    ✕
                  </button>
                </div>
              </li>
            ))}
          </ol>
        )}
        <div className="inline-form agenda-add">
          <select name="addDocument" value={adding} onChange={(e) => setAdding(e.target.value)} aria-label="Document to add" data-testid="agenda-add-select">
            <option value="">Add a document…</option>
            {addable.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title} ({DOCUMENT_KIND_LABELS[d.kind]})
              </option>
            ))}
          </select>
          <button type="button" className="button small" disabled={!adding} onClick={addDocument} data-testid="agenda-add">
            Add
          </button>
        </div>
      </div>
      <div className="proposal" data-testid="agenda-proposal" aria-busy={proposal.loading}>
        <div className="proposal-head">
          <span className="field-label">Proposed</span>
          {pending.length > 1 && (
            <button type="button" className="button small" data-testid="proposal-accept-all" onClick={() => onChange(addEntries(agenda, pending.map(fromProposal)))}>
              Accept all
            </button>
          )}
        </div>
        {proposal.loading && proposal.items.length === 0 ? (
          <p className="muted small-text">Looking at the workspace…</p>
        ) : proposal.error ? (
          <p className="muted small-text" role="status">{proposal.error}</p>
        ) : pending.length === 0 ? (
          <p className="muted small-text">{proposal.items.length > 0 ? 'Every proposed document is on the agenda.' : 'Nothing to propose for this cadence.'}</p>
        ) : (
          <ul className="proposal-list">
            {pending.map((p) => (
              <li key={p.documentId} className="proposal-item" data-testid="proposal-item" data-document-id={p.documentId}>
                <div className="agenda-entry-text">
                  <span className="agenda-entry-title">{p.title}</span>
                  <span className="agenda-entry-kind">{DOCUMENT_KIND_LABELS[p.kind] ?? p.kind}</span>
                  {p.reasons?.length > 0 && (
                    <ul className="reasons">
                      {p.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  )}
                </div>
                <button type="button" className="button small" onClick={() => onChange(addEntries(agenda, [fromProposal(p)]))}>
                  Accept
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>

    </div>
  )
}
