// A workspace's settings as the rest of the server needs them: the month its fiscal year starts,
// which every quarter label and quarterly total counts from.
import { eq } from 'drizzle-orm'
import { DEFAULT_FY_START_MONTH, isFyStartMonth } from '../../shared/format/quarters'
import type { AppDeps } from '../app-deps'
import { workspaces } from '../db/schema'

export async function fiscalYearStartOf(deps: Pick<AppDeps, 'db'>, workspaceId: string): Promise<number> {
  const [row] = await deps.db.select({ month: workspaces.fiscalYearStartMonth }).from(workspaces).where(eq(workspaces.id, workspaceId))
  return isFyStartMonth(row?.month) ? row.month : DEFAULT_FY_START_MONTH
}
