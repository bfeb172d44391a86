// The server's proposed agenda for a cadence (GET /api/workspaces/:id/agenda-proposal).
import { useEffect, useState } from 'react'
import { api, ApiRequestError, errorMessage } from '../api'
import { type Cadence } from '../../../shared/cadences'
import type { AgendaProposalItem } from '../../../shared/api'

/** `startsAt` (ISO) lets the server weigh what falls due before the meeting. */
export function useAgendaProposal(workspaceId: string, cadence: Cadence, startsAt: string | null) {
  const key = `${cadence}|${startsAt ?? ''}`
  const [state, setState] = useState<{ key: string; items: AgendaProposalItem[]; error: string | null } | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    const forKey = `${cadence}|${startsAt ?? ''}`
    api
      .agendaProposal(workspaceId, cadence, startsAt, controller.signal)
      .then(({ items }) => setState({ key: forKey, items: Array.isArray(items) ? items : [], error: null }))
      .catch((err) => {
        if (controller.signal.aborted) return
        const message = err instanceof ApiRequestError && err.status === 404 ? 'No agenda proposal is available.' : errorMessage(err)
        setState({ key: forKey, items: [], error: message })
      })
    return () => controller.abort()
  }, [workspaceId, cadence, startsAt])

  // While a new proposal loads, keep showing the last one (no layout jump).
  return {
    loading: state?.key !== key,
    items: state?.items ?? [],
    error: state?.key === key ? state.error : null,
  }
}
