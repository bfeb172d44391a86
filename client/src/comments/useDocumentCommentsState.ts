// The document page's comments: the threads (kept current by useComments), the record a new thread
// is about to be pinned to, and the context value the document body's record buttons read.
import { useMemo, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { DocumentComments, RecordTarget } from './comment-context'
import { useComments } from './useComments'

export function useDocumentCommentsState(documentId: string, provider: WebsocketProvider | null) {
  const threads = useComments(documentId, provider)
  const [target, setTarget] = useState<RecordTarget | null>(null)
  const context = useMemo<DocumentComments>(() => {
    const open = new Map<string, number>()
    for (const c of threads.comments ?? []) {
      if (!c.resolved && c.anchor.type !== 'document' && c.anchor.recordId) open.set(c.anchor.recordId, (open.get(c.anchor.recordId) ?? 0) + 1)
    }
    return { openOnRecord: (recordId) => open.get(recordId) ?? 0, startOnRecord: setTarget }
  }, [threads.comments])
  return { ...threads, target, setTarget, context }
}

export type DocumentCommentsState = ReturnType<typeof useDocumentCommentsState>
