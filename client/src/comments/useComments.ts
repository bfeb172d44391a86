// The threads of a document, kept current: fetched on open, again on every "comments" notice from
// the sync socket (shared/sync-notices.ts), and after each (re)sync, which covers notices missed
// while disconnected.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { CommentDto } from '../../../shared/api'
import { api, errorMessage } from '../api'
import { listenForNotices } from '../sync/notice-listeners'

export function useComments(documentId: string, provider: WebsocketProvider | null) {
  const [comments, setComments] = useState<CommentDto[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const latest = useRef<AbortController | null>(null)

  const reload = useCallback(async () => {
    latest.current?.abort()
    const controller = new AbortController()
    latest.current = controller
    try {
      const { comments: fresh } = await api.listComments(documentId, controller.signal)
      if (controller.signal.aborted) return
      setComments(fresh)
      setError(null)
    } catch (err) {
      if (!controller.signal.aborted) setError(errorMessage(err))
    }
  }, [documentId])

  useEffect(() => {
    setComments(null)
    void reload()
    return () => latest.current?.abort()
  }, [reload])

  useEffect(() => {
    if (!provider) return
    const onSync = (synced: boolean) => { if (synced) void reload() }
    provider.on('sync', onSync)
    const stop = listenForNotices(provider, (notice) => {
      if (notice.type === 'comments' && notice.documentId === documentId) void reload()
    })
    return () => {
      stop()
      provider.off('sync', onSync)
    }
  }, [provider, documentId, reload])

  return { comments, error, reload }
}
