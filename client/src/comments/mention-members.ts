// The workspace's members, offered when "@" is typed in a comment box. Provided by the document page.
import { createContext, useContext, useEffect, useState } from 'react'
import { api } from '../api'

export interface MentionMember { userId: string; name: string }

export const MentionMembersContext = createContext<MentionMember[]>([])
export const useMentionMembers = () => useContext(MentionMembersContext)

/** The members of the workspace (empty until loaded, or if loading fails: mentions are then unavailable). */
export function useWorkspaceMembers(workspaceId: string | undefined): MentionMember[] {
  const [members, setMembers] = useState<MentionMember[]>([])
  useEffect(() => {
    if (!workspaceId) return
    const controller = new AbortController()
    api.getWorkspace(workspaceId, controller.signal)
      .then((res) => setMembers(res.members.map((m) => ({ userId: m.userId, name: m.name }))))
      .catch(() => {})
    return () => controller.abort()
  }, [workspaceId])
  return members
}
