// Meetings of a workspace: schedule (with its own notes document), list, read, edit the agenda,
// start and end (ending saves versions). Starting, ending and editing are for owners and editors.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { createRoute } from '@hono/zod-openapi'
import {
  AgendaProposalQuery, AgendaProposalResponse, DecisionBody, DecisionItemsBody, DecisionResponse, DecisionItemsResponse, EndMeetingResponse, MeetingAccessResponse,
  MeetingBody, MeetingDto, MeetingListResponse, MeetingParams, PatchMeetingBody, WorkspaceParams,
} from '../../shared/api'
import { canApproveMinutes, canEditDocuments, canReadWorkspace } from '../../shared/roles'
import type { AppDeps } from '../app-deps'
import { documents, meetingAttendees, meetingDocuments, meetings, memberships, users } from '../db/schema'
import { requireSession, requireWorkspaceRole } from '../http/access'
import { badRequest, conflict, notFound } from '../http/errors'
import { apiRouter, errors, json, jsonBody } from '../http/openapi'
import { endMeeting, meetingDocumentRows, type Meeting } from '../meetings/end-meeting'
import { proposeAgenda } from '../meetings/agenda-proposal'
import { approveMinutes } from '../meetings/approve-minutes'
import { meetingCalendar } from '../meetings/meeting-calendar'
import { scheduleNextInSeries } from '../meetings/meeting-series'
import { agendaInserts, attendeeInserts, scheduleMeeting } from '../meetings/schedule-meeting'
import { sendToDecisionQueue } from '../meetings/send-to-decisions'
import { decisionsOfMeeting, recordDecision } from '../meetings/record-decision'
import { tellMeetingRoom } from '../meetings/tell-meeting-room'
import { documentDto } from './documents'
import { auditInsert } from '../audit/audit-log'

const tags = ['Meetings']
const createMeeting = createRoute({
  method: 'post', path: '/{workspaceId}/meetings', tags, summary: 'Schedule a meeting, with its own notes document (owners, editors)',
  request: { params: WorkspaceParams, body: jsonBody(MeetingBody) },
  responses: { 201: json(MeetingDto, 'The meeting'), ...errors(400, 401, 403) },
})
const agendaProposal = createRoute({
  method: 'get', path: '/{workspaceId}/agenda-proposal', tags, summary: 'Documents proposed for the agenda, with the reasons each is on it',
  request: { params: WorkspaceParams, query: AgendaProposalQuery },
  responses: { 200: json(AgendaProposalResponse, 'Proposed agenda'), ...errors(400, 401, 403) },
})
const listMeetings = createRoute({
  method: 'get', path: '/{workspaceId}/meetings', tags, summary: 'Meetings of a workspace, newest first',
  request: { params: WorkspaceParams },
  responses: { 200: json(MeetingListResponse, 'Meetings'), ...errors(401, 403) },
})
const getMeeting = createRoute({
  method: 'get', path: '/{meetingId}', tags, summary: "A meeting and the caller's role",
  request: { params: MeetingParams },
  responses: { 200: json(MeetingAccessResponse, 'The meeting'), ...errors(401, 403, 404) },
})
const patchMeeting = createRoute({
  method: 'patch', path: '/{meetingId}', tags, summary: 'Edit a meeting that has not ended (owners, editors)',
  request: { params: MeetingParams, body: jsonBody(PatchMeetingBody) },
  responses: { 200: json(MeetingDto, 'The meeting'), ...errors(400, 401, 403, 404, 409) },
})
const startMeeting = createRoute({
  method: 'post', path: '/{meetingId}/start', tags, summary: 'Start a meeting (idempotent; owners, editors)',
  request: { params: MeetingParams },
  responses: { 200: json(MeetingDto, 'The meeting'), ...errors(401, 403, 404, 409) },
})
const endMeetingRoute = createRoute({
  method: 'post', path: '/{meetingId}/end', tags,
  summary: 'End a meeting: one version of every agenda document and of the notes, in one transaction (owners, editors)',
  request: { params: MeetingParams },
  responses: { 200: json(EndMeetingResponse, 'Ended; ending again saves nothing and returns the same versions'), ...errors(401, 403, 404) },
})
const approveMinutesRoute = createRoute({
  method: 'post', path: '/{meetingId}/minutes/approve', tags,
  summary: 'Approve the minutes: the notes version saved at the end becomes the approved minutes (owners; idempotent)',
  request: { params: MeetingParams },
  responses: { 200: json(MeetingDto, 'The meeting, with its approved minutes'), ...errors(401, 403, 404, 409) },
})
const recordDecisionRoute = createRoute({
  method: 'post', path: '/{meetingId}/decisions', tags,
  summary: 'Decide an item of the decision queue: outcome, rationale, votes of attendees (owners, editors)',
  request: { params: MeetingParams, body: jsonBody(DecisionBody) },
  responses: { 201: json(DecisionResponse, 'The decision recorded'), ...errors(400, 401, 403, 404, 409) },
})
const calendarRoute = createRoute({
  method: 'get', path: '/{meetingId}/calendar.ics', tags, summary: "The meeting as an iCalendar event, with its series' RRULE (any member)",
  request: { params: MeetingParams },
  responses: { 200: { description: 'iCalendar', content: { 'text/calendar': { schema: { type: 'string' as const } } } }, ...errors(401, 403, 404) },
})
const decisionItems = createRoute({
  method: 'post', path: '/{meetingId}/decision-items', tags, summary: "Add items to the workspace's decision queue as one change (owners, editors)",
  request: { params: MeetingParams, body: jsonBody(DecisionItemsBody) },
  responses: { 201: json(DecisionItemsResponse, 'Added'), ...errors(400, 401, 403, 404, 409) },
})

export function workspaceMeetingRoutes(deps: AppDeps) {
  return apiRouter().openapi(createMeeting, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId } = c.req.valid('param')
    await requireWorkspaceRole(deps.db, workspaceId, user.id, canEditDocuments, 'schedule meetings')
    const body = c.req.valid('json')
    await checkAgendaAndAttendees(deps, workspaceId, body.agenda, body.attendeeIds)
    const meeting = await scheduleMeeting(deps, {
      workspaceId, cadence: body.cadence, title: body.title, startsAt: Date.parse(body.startsAt), agenda: body.agenda,
      attendeeIds: body.attendeeIds, recurrence: body.recurrence, createdBy: user.id,
    })
    return c.json(await meetingDto(deps, meeting), 201)
  }).openapi(agendaProposal, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId } = c.req.valid('param')
    await requireWorkspaceRole(deps.db, workspaceId, user.id, canReadWorkspace)
    const { cadence, startsAt } = c.req.valid('query')
    const at = new Date(startsAt ?? deps.now())
    return c.json({ cadence, items: await proposeAgenda(deps, workspaceId, cadence, at) }, 200)
  }).openapi(listMeetings, async (c) => {
    const { user } = requireSession(c)
    const { workspaceId } = c.req.valid('param')
    await requireWorkspaceRole(deps.db, workspaceId, user.id, canReadWorkspace)
    const rows = await deps.db.select().from(meetings).where(eq(meetings.workspaceId, workspaceId)).orderBy(desc(meetings.startsAt))
    return c.json({ meetings: await Promise.all(rows.map((m) => meetingDto(deps, m))) }, 200)
  })
}

export function meetingRoutes(deps: AppDeps) {
  async function requireMeeting(meetingId: string, userId: string, allowed: typeof canReadWorkspace, action?: string) {
    const [meeting] = await deps.db.select().from(meetings).where(eq(meetings.id, meetingId))
    if (!meeting) throw notFound('meeting not found')
    const role = await requireWorkspaceRole(deps.db, meeting.workspaceId, userId, allowed, action)
    return { meeting, role }
  }

  return apiRouter().openapi(getMeeting, async (c) => {
    const { user } = requireSession(c)
    const { meeting, role } = await requireMeeting(c.req.valid('param').meetingId, user.id, canReadWorkspace)
    return c.json({ meeting: await meetingDto(deps, meeting), role, canWrite: canEditDocuments(role) }, 200)
  }).openapi(patchMeeting, async (c) => {
    const { user } = requireSession(c)
    const { meeting } = await requireMeeting(c.req.valid('param').meetingId, user.id, canEditDocuments, 'change meetings')
    const body = c.req.valid('json')
    // After the end only the attendance may change, and only until the minutes are approved.
    if (meeting.endedAt !== null && (meeting.minutesVersion !== null || Object.keys(body).some((k) => k !== 'attendeeIds'))) {
      throw conflict(meeting.minutesVersion !== null ? 'the minutes are approved; the record of this meeting is final' : 'the meeting has ended; only its attendees can still change')
    }
    await checkAgendaAndAttendees(deps, meeting.workspaceId, body.agenda ?? [], body.attendeeIds ?? [])
    const patch: Partial<Meeting> = {}
    if (body.title !== undefined) patch.title = body.title
    if (body.cadence !== undefined) patch.cadence = body.cadence
    if (body.startsAt !== undefined) patch.startsAt = Date.parse(body.startsAt)
    const statements = [
      ...(Object.keys(patch).length > 0 ? [deps.db.update(meetings).set(patch).where(eq(meetings.id, meeting.id))] : []),
      ...(body.agenda ? [deps.db.delete(meetingDocuments).where(eq(meetingDocuments.meetingId, meeting.id)), ...agendaInserts(deps, meeting.id, body.agenda)] : []),
      ...(body.attendeeIds ? [deps.db.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, meeting.id)), ...attendeeInserts(deps, meeting.id, body.attendeeIds)] : []),
    ]
    if (statements.length > 0) await deps.db.batch(statements as [typeof statements[number], ...typeof statements])
    if (statements.length > 0) tellMeetingRoom(deps, meeting)
    return c.json(await meetingDto(deps, { ...meeting, ...patch }), 200)
  }).openapi(startMeeting, async (c) => {
    const { user } = requireSession(c)
    const { meeting } = await requireMeeting(c.req.valid('param').meetingId, user.id, canEditDocuments, 'start meetings')
    if (meeting.endedAt !== null) throw conflict('the meeting has already ended')
    const startedAt = meeting.startedAt ?? deps.now()
    if (meeting.startedAt === null) {
      // Recorded only by the start that finds it not yet started (of two at once, one).
      await deps.db.batch([
        auditInsert(deps.db, { workspaceId: meeting.workspaceId, actorId: user.id, action: 'meeting-started', target: { type: 'meeting', id: meeting.id }, detail: meeting.title },
          startedAt, { onlyIf: sql`(SELECT started_at FROM ${meetings} WHERE id = ${meeting.id}) IS NULL` }),
        deps.db.update(meetings).set({ startedAt }).where(and(eq(meetings.id, meeting.id), isNull(meetings.startedAt))),
      ])
    }
    return c.json(await meetingDto(deps, { ...meeting, startedAt }), 200)
  }).openapi(endMeetingRoute, async (c) => {
    const { user } = requireSession(c)
    const { meeting } = await requireMeeting(c.req.valid('param').meetingId, user.id, canEditDocuments, 'end meetings')
    const invitees = await deps.db.select({ userId: meetingAttendees.userId }).from(meetingAttendees).where(eq(meetingAttendees.meetingId, meeting.id))
    const result = await endMeeting(deps, meeting, user.id)
    if (!result.alreadyEnded) await scheduleNextInSeries(deps, meeting, invitees.map((i) => i.userId), user.id)
    const [fresh] = await deps.db.select().from(meetings).where(eq(meetings.id, meeting.id))
    return c.json({ meeting: await meetingDto(deps, fresh), alreadyEnded: result.alreadyEnded, versions: result.versions }, 200)
  }).openapi(approveMinutesRoute, async (c) => {
    const { user } = requireSession(c)
    const { meeting } = await requireMeeting(c.req.valid('param').meetingId, user.id, canApproveMinutes, 'approve minutes')
    const approved = await approveMinutes(deps, meeting, user.id)
    tellMeetingRoom(deps, meeting)
    return c.json(await meetingDto(deps, approved), 200)
  }).openapi(recordDecisionRoute, async (c) => {
    const { user } = requireSession(c)
    const { meeting } = await requireMeeting(c.req.valid('param').meetingId, user.id, canEditDocuments, 'record decisions')
    const decision = await recordDecision(deps, meeting, c.req.valid('json'), user.id)
    tellMeetingRoom(deps, meeting)
    return c.json({ decision }, 201)
  }).openapi(calendarRoute, async (c) => {
    const { user } = requireSession(c)
    const { meeting } = await requireMeeting(c.req.valid('param').meetingId, user.id, canReadWorkspace)
    const url = new URL(`/m/${meeting.id}`, c.req.url).toString()
    return c.body(meetingCalendar(meeting, url), 200, {
      'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="meeting-${meeting.id}.ics"`,
    })
  }).openapi(decisionItems, async (c) => {
    const { user } = requireSession(c)
    const { meeting } = await requireMeeting(c.req.valid('param').meetingId, user.id, canEditDocuments, 'add to the decision queue')
    const { items } = c.req.valid('json')
    const today = new Date(deps.now()).toISOString().slice(0, 10)
    return c.json(await sendToDecisionQueue(deps, meeting.workspaceId, items, today), 201)
  })
}

/** Agenda documents and attendees must belong to the meeting's workspace. */
async function checkAgendaAndAttendees(deps: AppDeps, workspaceId: string, agenda: string[], attendeeIds: string[]) {
  if (agenda.length > 0) {
    const found = await deps.db.select({ id: documents.id }).from(documents)
      .where(and(eq(documents.workspaceId, workspaceId), inArray(documents.id, agenda)))
    if (found.length !== new Set(agenda).size) throw badRequest('agenda: every document must belong to this workspace')
  }
  if (attendeeIds.length > 0) {
    const found = await deps.db.select({ id: memberships.userId }).from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, attendeeIds)))
    if (found.length !== new Set(attendeeIds).size) throw badRequest('attendeeIds: every attendee must be a member of this workspace')
  }
}

async function meetingDto(deps: AppDeps, meeting: Meeting): Promise<MeetingDto> {
  const { agenda, notes } = await meetingDocumentRows(deps, meeting)
  const attendees = await deps.db.select({ userId: users.id, name: users.name }).from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId)).where(eq(meetingAttendees.meetingId, meeting.id))
  const [approver] = meeting.minutesApprovedBy === null ? []
    : await deps.db.select({ userId: users.id, name: users.name }).from(users).where(eq(users.id, meeting.minutesApprovedBy))
  // Timestamps are compared with null, never for truth: 0 is 1970-01-01T00:00:00Z, a real time.
  const iso = (t: number | null) => (t !== null ? new Date(t).toISOString() : null)
  return {
    id: meeting.id, workspaceId: meeting.workspaceId, cadence: meeting.cadence, title: meeting.title,
    startsAt: new Date(meeting.startsAt).toISOString(), startedAt: iso(meeting.startedAt), endedAt: iso(meeting.endedAt),
    status: meeting.endedAt !== null ? 'ended' : meeting.startedAt !== null ? 'in-progress' : 'scheduled',
    recurrence: meeting.recurrence, seriesId: meeting.seriesId,
    notesDocumentId: meeting.notesDocumentId, notes: notes ? documentDto(notes) : null,
    agenda: agenda.map(documentDto), attendees, decisions: await decisionsOfMeeting(deps, meeting.id),
    minutes: meeting.minutesVersion !== null && meeting.minutesApprovedAt !== null
      ? { documentId: meeting.notesDocumentId, version: meeting.minutesVersion, approvedBy: approver ?? null, approvedAt: new Date(meeting.minutesApprovedAt).toISOString() }
      : null,
  }
}
