// Recording a decision in a meeting: an item of the workspace's decision queue gets its outcome.
// The outcome, the meeting and the date are written onto the item in the decision-queue Y.Doc (one
// server-made change, committed and relayed like any edit), so the queue shows them to everyone;
// the rationale and the votes are kept in libSQL (meeting_decisions). Approved or rejected items
// are decided; a deferred item returns to the open queue with its new due date.
import { eq, inArray } from 'drizzle-orm'
import * as Y from 'yjs'
import type { DecisionInput, MeetingDecisionDto } from '../../shared/api'
import type { DecisionOutcome } from '../../shared/decision-outcomes'
import { readDecisions, updateDecision } from '../../shared/documents/decisions'
import { dateLabel, utcDate } from '../../shared/format'
import type { AppDeps } from '../app-deps'
import { auditInsert } from '../audit/audit-log'
import { meetingAttendees, meetingDecisions, users } from '../db/schema'
import { liveRoom } from '../documents/live-document'
import { badRequest, conflict } from '../http/errors'
import { newId } from '../ids'
import type { Meeting } from './end-meeting'
import { decisionQueueDocument } from './send-to-decisions'

const OUTCOME_LABELS: Record<DecisionOutcome, string> = { approved: 'Approved', rejected: 'Rejected', deferred: 'Deferred' }

/** Who may vote: the recorded attendees once the meeting has ended, else who is in its room now. */
async function eligibleVoters(deps: AppDeps, meeting: Meeting): Promise<Set<string>> {
  if (meeting.endedAt !== null) {
    const rows = await deps.db.select({ userId: meetingAttendees.userId }).from(meetingAttendees).where(eq(meetingAttendees.meetingId, meeting.id))
    return new Set(rows.map((r) => r.userId))
  }
  return deps.rooms.loaded(meeting.notesDocumentId)?.presentUserIds() ?? new Set()
}

export async function recordDecision(deps: AppDeps, meeting: Meeting, input: Required<Omit<DecisionInput, 'newDueDate'>> & { newDueDate?: string }, userId: string): Promise<MeetingDecisionDto> {
  if (meeting.minutesVersion !== null) throw conflict('the minutes are approved; the record of this meeting is final')
  const voters = await eligibleVoters(deps, meeting)
  const absent = input.votes.filter((v) => !voters.has(v.userId))
  if (absent.length > 0) {
    throw badRequest(`votes: ${absent.map((v) => v.userId).join(', ')} ${meeting.endedAt !== null ? 'did not attend' : 'is not present in'} this meeting`)
  }
  const queue = await decisionQueueDocument(deps, meeting.workspaceId)
  const room = await liveRoom(deps, queue)
  const item = readDecisions(room.doc).decisions.find((d) => d.id === input.decisionId)
  if (!item) throw badRequest('decisionId: no such item in the decision queue')

  const decidedAt = deps.now()
  const today = utcDate(decidedAt)
  const rationale = input.rationale.trim()
  const outcomeText = `${OUTCOME_LABELS[input.outcome]} at ${meeting.title}, ${dateLabel(today)}${rationale ? `: ${rationale}` : ''}`
  const patch = input.outcome === 'deferred'
    ? { status: 'open' as const, dueDate: input.newDueDate!, outcome: outcomeText }
    : { status: 'decided' as const, decidedOn: today, outcome: outcomeText }
  // Built on a scratch copy and submitted as one update through the room's commit path.
  const scratch = new Y.Doc()
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc))
  const updates: Uint8Array[] = []
  scratch.on('update', (u: Uint8Array) => updates.push(u))
  const res = updateDecision(scratch, item.id, patch)
  scratch.destroy()
  if (!res.ok) throw badRequest(`${res.field ?? 'decision'}: ${res.error}`)
  const row = {
    id: newId(), meetingId: meeting.id, documentId: queue.id, decisionId: item.id, question: item.question,
    outcome: input.outcome, rationale, votes: JSON.stringify(input.votes), newDueDate: input.outcome === 'deferred' ? input.newDueDate! : null,
    decidedBy: userId, decidedAt,
  }
  // The row and its audit row are committed in the same transaction as the change to the queue.
  await room.submitServerChange(Y.mergeUpdates(updates), [
    deps.db.insert(meetingDecisions).values(row),
    auditInsert(deps.db, { workspaceId: meeting.workspaceId, actorId: userId, action: 'decision-recorded', target: { type: 'meeting', id: meeting.id }, detail: `${item.question}: ${input.outcome}` }, decidedAt),
  ])
  return (await decisionsOfMeeting(deps, meeting.id)).find((d) => d.id === row.id)!
}

export async function decisionsOfMeeting(deps: AppDeps, meetingId: string): Promise<MeetingDecisionDto[]> {
  const rows = await deps.db.select().from(meetingDecisions).where(eq(meetingDecisions.meetingId, meetingId)).orderBy(meetingDecisions.decidedAt)
  const votesOf = (r: typeof rows[number]) => JSON.parse(r.votes) as { userId: string; vote: 'for' | 'against' | 'abstain' }[]
  const voterIds = [...new Set(rows.flatMap((r) => votesOf(r).map((v) => v.userId)))]
  const names = new Map(voterIds.length === 0 ? [] : (await deps.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, voterIds))).map((u) => [u.id, u.name]))
  return rows.map((r) => ({
    id: r.id, meetingId: r.meetingId, documentId: r.documentId, decisionId: r.decisionId, question: r.question, outcome: r.outcome,
    rationale: r.rationale, votes: votesOf(r).map((v) => ({ ...v, name: names.get(v.userId) ?? '' })), newDueDate: r.newDueDate,
    decidedBy: r.decidedBy, decidedAt: new Date(r.decidedAt).toISOString(),
  }))
}
