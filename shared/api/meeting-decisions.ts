// Decisions recorded in a meeting: an item of the decision queue decided with an outcome, a
// rationale and, where the cadence calls for it (board), the vote of each attendee.
import { z } from 'zod'
import { DECISION_OUTCOMES, VOTE_CHOICES } from '../decision-outcomes'
import { IsoDate } from './actions'
import { Id, Timestamp } from './common'

export const DecisionVote = z.object({ userId: Id, vote: z.enum(VOTE_CHOICES) })
export type DecisionVote = z.infer<typeof DecisionVote>

export const MeetingDecisionDto = z.object({
  id: z.string(),
  meetingId: z.string(),
  /** The decision-queue document and the item's id in it. */
  documentId: z.string(),
  decisionId: z.string(),
  question: z.string(),
  outcome: z.enum(DECISION_OUTCOMES),
  rationale: z.string(),
  votes: z.array(DecisionVote.extend({ name: z.string() })),
  newDueDate: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: Timestamp,
}).meta({ id: 'MeetingDecision' })
export type MeetingDecisionDto = z.infer<typeof MeetingDecisionDto>

export const DecisionBody = z.object({
  decisionId: z.string().min(1).max(64),
  outcome: z.enum(DECISION_OUTCOMES, { message: `outcome must be one of ${DECISION_OUTCOMES.join(', ')}` }),
  rationale: z.string().trim().max(2000).default(''),
  votes: z.array(DecisionVote).max(200).default([])
    .refine((v) => new Set(v.map((x) => x.userId)).size === v.length, 'one vote per person'),
  /** Required when deferred: the item returns to the queue due then. */
  newDueDate: IsoDate.optional(),
}).refine((b) => b.outcome !== 'deferred' || b.newDueDate !== undefined, { message: 'a deferred item needs a new due date', path: ['newDueDate'] })
export type DecisionInput = z.input<typeof DecisionBody>
export const DecisionResponse = z.object({ decision: MeetingDecisionDto })
