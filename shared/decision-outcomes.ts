// How a meeting decides a queued item, and the votes attendees cast. Zod-free: the API schema, the
// database column and the client's decide form share it.
export const DECISION_OUTCOMES = ['approved', 'rejected', 'deferred'] as const
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number]
export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const
export type VoteChoice = (typeof VOTE_CHOICES)[number]
