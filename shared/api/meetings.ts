// Meetings: schedule (with a notes document), list, read, edit, start, end, agenda proposal,
// items sent to the decision queue. The board pack downloads are files, not JSON.
import { z } from 'zod'
import { CADENCES } from '../cadences'
import { DOCUMENT_KINDS } from '../document-kinds'
import { RECURRENCES } from '../recurrence'
import { ROLES } from '../roles'
import { DocumentDto, Id, Timestamp } from './common'
import { MeetingDecisionDto } from './meeting-decisions'
import { VersionSummaryDto } from './versions'

export const MEETING_STATUSES = ['scheduled', 'in-progress', 'ended'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]

export const MeetingDto = z.object({
  id: z.string(),
  workspaceId: z.string(),
  cadence: z.enum(CADENCES),
  title: z.string(),
  startsAt: Timestamp,
  startedAt: Timestamp.nullable(),
  endedAt: Timestamp.nullable(),
  status: z.enum(MEETING_STATUSES),
  recurrence: z.enum(RECURRENCES).nullable(),
  /** The first meeting of the series this one belongs to; null for a single meeting. */
  seriesId: z.string().nullable(),
  notesDocumentId: z.string(),
  notes: DocumentDto.nullable(),
  agenda: z.array(DocumentDto),
  /** Invited until the meeting ends; then who was present in the meeting room when it ended (editable until the minutes are approved). */
  attendees: z.array(z.object({ userId: z.string(), name: z.string() })),
  decisions: z.array(MeetingDecisionDto),
  /** The approved minutes: the notes version saved at the meeting's end, approved by an owner; null until then. */
  minutes: z.object({
    documentId: z.string(),
    version: z.number().int(),
    approvedBy: z.object({ userId: z.string(), name: z.string() }).nullable(),
    approvedAt: Timestamp,
  }).nullable(),
}).meta({ id: 'Meeting' })
export type MeetingDto = z.infer<typeof MeetingDto>

const meetingFields = {
  cadence: z.enum(CADENCES),
  title: z.string().trim().min(1, 'is required').max(200),
  startsAt: z.string().datetime({ offset: true, message: 'must be an ISO date and time' }),
  agenda: z.array(z.string().min(1)).max(50),
  attendeeIds: z.array(z.string().min(1)).max(200),
}
export const MeetingBody = z.object({
  ...meetingFields, agenda: meetingFields.agenda.default([]), attendeeIds: meetingFields.attendeeIds.default([]),
  /** A series: ending each meeting schedules the next. */
  recurrence: z.enum(RECURRENCES, { message: `recurrence must be one of ${RECURRENCES.join(', ')} or null` }).nullable().default(null),
})
export type MeetingInput = z.input<typeof MeetingBody>
// No defaults here: zod 4 applies a default inside .partial(), so a patch of the title alone cleared the agenda.
export const PatchMeetingBody = z.object(meetingFields).partial()

export const DecisionItemInput = z.object({
  question: z.string().trim().min(1, 'is required').max(200),
  owner: z.string().trim().max(120).optional(),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').optional(),
})
export type DecisionItemInput = z.infer<typeof DecisionItemInput>
export const DecisionItemsBody = z.object({ items: z.array(DecisionItemInput).min(1, 'send at least one item').max(50) })

export const MeetingParams = z.object({ meetingId: Id })
export const AgendaProposalQuery = z.object({
  cadence: z.enum(CADENCES, { message: `cadence must be one of ${CADENCES.join(', ')}` }).default('leadership'),
  startsAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'startsAt must be an ISO date').optional(),
})

export const MeetingListResponse = z.object({ meetings: z.array(MeetingDto) })
export const MeetingAccessResponse = z.object({ meeting: MeetingDto, role: z.enum(ROLES), canWrite: z.boolean() })
export type MeetingAccessDto = z.infer<typeof MeetingAccessResponse>
export const EndMeetingResponse = z.object({ meeting: MeetingDto, alreadyEnded: z.boolean(), versions: z.array(VersionSummaryDto) })
export type EndMeetingDto = z.infer<typeof EndMeetingResponse>
export const AgendaProposalItem = z.object({ documentId: z.string(), kind: z.enum(DOCUMENT_KINDS), title: z.string(), reasons: z.array(z.string()) })
export type AgendaProposalItem = z.infer<typeof AgendaProposalItem>
export const AgendaProposalResponse = z.object({ cadence: z.enum(CADENCES), items: z.array(AgendaProposalItem) })
export const DecisionItemsResponse = z.object({ documentId: z.string(), added: z.number().int() })
