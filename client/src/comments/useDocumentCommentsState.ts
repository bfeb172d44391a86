// The document page's comments: the threads (kept current by useComments), where a new thread is
// about to be pinned, which text threads are detached, the thread a highlight asked to show, and
// the context value the document body's record buttons and rich-text fields read.
import { useCallback, useMemo, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { CommentTarget, DocumentComments } from './comment-context'
import { placeKey } from './text-anchor'
import type { TextThread } from '../documents/rich-text/text-comments'
import { useComments } from './useComments'

const NO_THREADS: TextThread[] = []

export function useDocumentCommentsState(documentId: string, provider: WebsocketProvider | null, archived: boolean) {
  const threads = useComments(documentId, provider)
  const [target, setTarget] = useState<CommentTarget | null>(null)
  const [detached, setDetached] = useState<ReadonlyMap<string, boolean>>(new Map())
  // A counter, so that clicking the same highlight twice shows the thread twice.
  const [shown, setShown] = useState<{ threadId: string; quiet: boolean; n: number } | null>(null)
  const showThread = useCallback((threadId: string, quiet = false) => setShown((s) => ({ threadId, quiet, n: (s?.n ?? 0) + 1 })), [])
  const reportDetached = useCallback((status: Map<string, boolean>) => {
    setDetached((current) => {
      if ([...status].every(([id, d]) => current.get(id) === d)) return current
      return new Map([...current, ...status])
    })
  }, [])

  const context = useMemo<DocumentComments>(() => {
    const open = new Map<string, number>()
    const byPlace = new Map<string, TextThread[]>()
    for (const c of threads.comments ?? []) {
      if (c.resolved || c.anchor.type === 'document') continue
      if (c.anchor.recordId) open.set(c.anchor.recordId, (open.get(c.anchor.recordId) ?? 0) + 1)
      if (c.anchor.type === 'text') {
        const key = placeKey(c.anchor)
        byPlace.set(key, [...(byPlace.get(key) ?? []), { id: c.id, anchor: c.anchor }])
      }
    }
    return {
      canStart: !archived,
      openOnRecord: (recordId) => open.get(recordId) ?? 0,
      startOnRecord: ({ recordId, label }) => setTarget({ label, anchor: { type: 'record', recordId } }),
      startOn: setTarget,
      textThreads: (place) => byPlace.get(placeKey(place)) ?? NO_THREADS,
      reportDetached,
      showThread,
    }
  }, [threads.comments, archived, reportDetached, showThread])
  return { ...threads, target, setTarget, context, detached, shown }
}

export type DocumentCommentsState = ReturnType<typeof useDocumentCommentsState>
