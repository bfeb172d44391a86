// The states of an action item. Zod-free: the API schema, the database column and the client's picker share it.
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]
