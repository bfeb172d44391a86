// Ending a person's sessions: the rows go (so the cookies stop working at once) and each session's
// sync sockets close with 4401, here and on every other instance (sync/revocation.ts).
import type { AppDeps } from '../app-deps'
import { revokeAccess } from '../sync/revocation'

/** Every session of the user except `keepSessionId` (the one making the request, when it stays). */
export async function endSessions(deps: Pick<AppDeps, 'sessions' | 'rooms' | 'fanout'>, userId: string, keepSessionId?: string): Promise<number> {
  const ended = await deps.sessions.invalidateAllForUser(userId, keepSessionId)
  for (const sessionId of ended) revokeAccess(deps, { kind: 'session', sessionId })
  return ended.length
}
