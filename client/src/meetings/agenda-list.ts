// The agenda being put together in the schedule form: ordered, no duplicates. Pure.
import type { DocumentKind } from '../../../shared/document-kinds'

export interface AgendaEntry {
  documentId: string
  title: string
  kind: DocumentKind
  /** Why the proposal suggested it; empty when added by hand. */
  reasons: string[]
}

export function addEntries(agenda: readonly AgendaEntry[], entries: readonly AgendaEntry[]): AgendaEntry[] {
  const next = [...agenda]
  for (const e of entries) if (!next.some((a) => a.documentId === e.documentId)) next.push(e)
  return next
}

export function moveEntry(agenda: readonly AgendaEntry[], documentId: string, by: -1 | 1): AgendaEntry[] {
  const i = agenda.findIndex((a) => a.documentId === documentId)
  const j = i + by
  if (i < 0 || j < 0 || j >= agenda.length) return [...agenda]
  const next = [...agenda]
  ;[next[i], next[j]] = [next[j], next[i]]
  return next
}

export function removeEntry(agenda: readonly AgendaEntry[], documentId: string): AgendaEntry[] {
  return agenda.filter((a) => a.documentId !== documentId)
}
