// A meeting's action items, the items carried to it, and the workspace's members (possible owners),
// re-read whenever anyone in the room changes an item.
import { useCallback, useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { MeetingActionsDto, MemberDto } from '../../../shared/api'
import { api, errorMessage } from '../api'
import { useActionsSync } from './useActionsSync'

export interface MeetingActions {
  items: MeetingActionsDto | null
  members: MemberDto[]
  error: string | null
  /** Re-read, and tell the room to re-read too. */
  changed: () => void
}

export function useMeetingActions(meetingId: string, workspaceId: string, provider: WebsocketProvider | null): MeetingActions {
  const [items, setItems] = useState<MeetingActionsDto | null>(null)
  const [members, setMembers] = useState<MemberDto[]>([])
  const [error, setError] = useState<string | null>(null)

  const reload = useCallback(() => {
    api.listMeetingActions(meetingId).then((fresh) => {
      setItems(fresh)
      setError(null)
    }).catch((err) => setError(errorMessage(err)))
  }, [meetingId])
  const announce = useActionsSync(provider, reload)

  useEffect(() => {
    const controller = new AbortController()
    Promise.all([api.listMeetingActions(meetingId, controller.signal), api.getWorkspace(workspaceId, controller.signal)])
      .then(([fresh, ws]) => {
        setItems(fresh)
        setMembers(ws.members)
      })
      .catch((err) => {
        if (!controller.signal.aborted) setError(errorMessage(err))
      })
    return () => controller.abort()
  }, [meetingId, workspaceId])

  const changed = useCallback(() => {
    reload()
    announce()
  }, [reload, announce])

  return { items, members, error, changed }
}
