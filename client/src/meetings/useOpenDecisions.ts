// The open items of the decision queue on the meeting's agenda, kept current from its live document.
import { useEffect, useState } from 'react'
import type { Decision } from '../../../shared/documents/decisions'
import { readDecisions } from '../../../shared/documents/decisions'
import { useDocumentSync } from '../sync/useDocumentSync'

export function useOpenDecisions(queueDocumentId: string): Decision[] {
  const { ydoc } = useDocumentSync(queueDocumentId)
  const [open, setOpen] = useState<Decision[]>([])
  useEffect(() => {
    if (!ydoc) return
    const read = () => setOpen(readDecisions(ydoc).decisions.filter((d) => d.status === 'open' && d.question.trim() !== ''))
    read()
    ydoc.on('update', read)
    return () => ydoc.off('update', read)
  }, [ydoc])
  return open
}
