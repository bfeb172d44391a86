// Action items: who does what by when, created in a meeting room. Open items of an ended meeting
// are carried to the next meeting of the same workspace and cadence until they are done or dropped.
import { z } from 'zod'
import { ACTION_STATUSES } from '../action-statuses'
import { Id, Timestamp } from './common'

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real date')

export const ActionDto = z.object({
  id: z.string(),
  workspaceId: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  title: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  dueDate: z.string().meta({ format: 'date', example: '2026-12-18' }),
  status: z.enum(ACTION_STATUSES),
  createdAt: Timestamp,
  updatedAt: Timestamp,
}).meta({ id: 'Action' })
export type ActionDto = z.infer<typeof ActionDto>

export const ActionBody = z.object({
  title: z.string().trim().min(1, 'is required').max(300),
  ownerId: Id,
  dueDate: IsoDate,
})
export type ActionInput = z.infer<typeof ActionBody>
export const PatchActionBody = ActionBody.partial().extend({ status: z.enum(ACTION_STATUSES).optional() })
export type ActionPatch = z.infer<typeof PatchActionBody>

export const ActionParams = z.object({ actionId: Id })
export const ActionListQuery = z.object({
  status: z.enum(['open', 'done', 'all'], { message: 'status must be one of open, done, all' }).default('open'),
})
export const ActionResponse = z.object({ action: ActionDto })
export const ActionListResponse = z.object({ actions: z.array(ActionDto) })
/** A meeting's own items, and the open items carried from earlier meetings of its cadence. */
export const MeetingActionsResponse = z.object({ actions: z.array(ActionDto), carried: z.array(ActionDto) })
export type MeetingActionsDto = z.infer<typeof MeetingActionsResponse>
