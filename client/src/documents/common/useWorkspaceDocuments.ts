// The workspace's non-archived documents (to find the vendor register, the summary's sources…),
// and the workspace id of a document when the page did not pass it.
import { useEffect, useState } from 'react'
import type { DocumentDto } from '../../../../shared/api'
import { api } from '../../api'

export function useWorkspaceId(documentId: string | undefined, workspaceId: string | undefined): string | null {
  const [looked, setLooked] = useState<string | null>(null)
  useEffect(() => {
    if (workspaceId || !documentId) return
    const controller = new AbortController()
    api.getDocument(documentId, { signal: controller.signal })
      .then((access) => setLooked(access.document.workspaceId))
      .catch(() => setLooked(null))
    return () => controller.abort()
  }, [documentId, workspaceId])
  return workspaceId ?? looked
}

export interface WorkspaceDocuments {
  documents: DocumentDto[] | null
  error: string | null
}

export function useWorkspaceDocuments(workspaceId: string | null): WorkspaceDocuments {
  const [state, setState] = useState<WorkspaceDocuments>({ documents: null, error: null })
  useEffect(() => {
    if (!workspaceId) return
    const controller = new AbortController()
    api.listDocuments(workspaceId, false, controller.signal)
      .then(({ documents }) => setState({ documents, error: null }))
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setState({ documents: null, error: err instanceof Error ? err.message : 'Could not list documents' })
      })
    return () => controller.abort()
  }, [workspaceId])
  return state
}
