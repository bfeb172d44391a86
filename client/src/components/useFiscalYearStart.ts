// The fiscal-year start of a workspace the signed-in person belongs to (from GET /api/me), so every
// quarter label in the page follows the workspace's setting; January until it is known.
import { DEFAULT_FY_START_MONTH, isFyStartMonth } from '../../../shared/format/quarters'
import { useSession } from '../session/session'

export function useFiscalYearStart(workspaceId: string | null | undefined): number {
  const { workspaces } = useSession()
  const month = workspaces.find((w) => w.id === workspaceId)?.fiscalYearStartMonth
  return isFyStartMonth(month) ? month : DEFAULT_FY_START_MONTH
}
