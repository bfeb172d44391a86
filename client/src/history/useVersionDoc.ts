// A saved version rebuilt in a fresh Y.Doc (from ?format=yjs), for read-only rendering.
import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { api, errorMessage } from '../api'

export function useVersionDoc(documentId: string, version: number): { ydoc: Y.Doc | null; error: string | null } {
  const [state, setState] = useState<{ key: string; ydoc: Y.Doc | null; error: string | null }>({ key: '', ydoc: null, error: null })
  const key = `${documentId}:${version}`

  useEffect(() => {
    const controller = new AbortController()
    let ydoc: Y.Doc | null = null
    api
      .getVersionState(documentId, version, controller.signal)
      .then((bytes) => {
        ydoc = new Y.Doc()
        Y.applyUpdate(ydoc, bytes)
        setState({ key, ydoc, error: null })
      })
      .catch((err) => {
        if (!controller.signal.aborted) setState({ key, ydoc: null, error: errorMessage(err) })
      })
    return () => {
      controller.abort()
      ydoc?.destroy()
    }
  }, [documentId, version, key])

  return state.key === key ? { ydoc: state.ydoc, error: state.error } : { ydoc: null, error: null }
}
