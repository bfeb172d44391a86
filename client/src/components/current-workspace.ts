// Which workspace the current page belongs to, for the header's switcher. Routes under /w/:id say
// so themselves; /d/:id and /m/:id pages learn it from their data and report it here.
import { createContext, useContext, useEffect } from 'react'

export const CurrentWorkspaceContext = createContext<(workspaceId: string | null) => void>(() => {})

/** Shows `workspaceId` in the header while the calling page is mounted. */
export function useCurrentWorkspace(workspaceId: string | null | undefined): void {
  const report = useContext(CurrentWorkspaceContext)
  useEffect(() => {
    report(workspaceId ?? null)
    return () => report(null)
  }, [report, workspaceId])
}
