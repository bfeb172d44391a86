// Meetings of a workspace: schedule (with its own notes document), list, read, edit the agenda,
// start and end (ending saves versions). Starting, ending and editing are for owners and editors.
import { and, desc, eq, inArray } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { canEditDocuments, canReadWorkspace } from '../../shared/roles'
import type { AppDeps, AppEnv } from '../app-deps'
import { documents, meetingAttendees, meetingDocuments, meetings, memberships, users } from '../db/schema'
import { requireSession, requireWorkspaceRole } from '../http/access'
import { badRequest, conflict, notFound } from '../http/errors'
import { readJson } from '../http/validate'
import { newId } from '../ids'
import { endMeeting, meetingDocumentRows, type Meeting } from '../meetings/end-meeting'
import { proposeAgenda } from '../meetings/agenda-proposal'
import { CADENCES } from '../../shared/cadences'
import { sendToDecisionQueue } from '../meetings/send-to-decisions'
import { createDocument, documentDto } from './documents'

const MeetingFields = {
  cadence: z.enum(CADENCES),
  title: z.string().trim().min(1, 'is required').max(200),
  startsAt: z.string().datetime({ offset: true, message: 'must be an ISO date and time' }),
  agenda: z.array(z.string().min(1)).max(50),
  attendeeIds: z.array(z.string().min(1)).max(200),
}
const MeetingBody = z.object({ ...MeetingFields, agenda: MeetingFields.agenda.default([]), attendeeIds: MeetingFields.attendeeIds.default([]) })
// No defaults here: zod 4 applies a default inside .partial(), so a patch of the title alone cleared the agenda.
const PatchMeetingBody = z.object(MeetingFields).partial()
const DecisionItemsBody = z.object({
  items: z.array(z.object({
    question: z.string().trim().min(1, 'is required').max(200),
    owner: z.string().trim().max(120).optional(),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').optional(),
  })).min(1, 'send at least one item').max(50),
})

export function workspaceMeetingRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  app.post('/:workspaceId/meetings', async (c) => {
    const { user } = requireSession(c)
    const workspaceId = c.req.param('workspaceId')
    await requireWorkspaceRole(deps.db, workspaceId, user.id, canEditDocuments, 'schedule meetings')
    const body = await readJson(c, MeetingBody)
    await checkAgendaAndAttendees(deps, workspaceId, body.agenda, body.attendeeIds)
    const notes = await createDocument(deps, workspaceId, 'notes', `${body.title} — notes`)
    const meeting: Meeting = {
      id: newId(), workspaceId, cadence: body.cadence, title: body.title, startsAt: Date.parse(body.startsAt),
      startedAt: null, endedAt: null, notesDocumentId: notes.id, createdBy: user.id, createdAt: deps.now(),
    }
    await deps.db.batch([
      deps.db.insert(meetings).values(meeting),
      ...agendaInserts(deps, meeting.id, body.agenda),
      ...attendeeInserts(deps, meeting.id, body.attendeeIds),
    ])
    return c.json(await meetingDto(deps, meeting), 201)
  })

  app.get('/:workspaceId/agenda-proposal', async (c) => {
    const { user } = requireSession(c)
    const workspaceId = c.req.param('workspaceId')
    await requireWorkspaceRole(deps.db, workspaceId, user.id, canReadWorkspace)
    const cadence = z.enum(CADENCES).safeParse(c.req.query('cadence') ?? 'leadership')
    if (!cadence.success) throw badRequest(`cadence must be one of ${CADENCES.join(', ')}`)
    const at = c.req.query('startsAt') ? new Date(c.req.query('startsAt')!) : new Date(deps.now())
    if (Number.isNaN(at.getTime())) throw badRequest('startsAt must be an ISO date')
    return c.json({ cadence: cadence.data, items: await proposeAgenda(deps, workspaceId, cadence.data, at) })
  })

  app.get('/:workspaceId/meetings', async (c) => {
    const { user } = requireSession(c)
    const workspaceId = c.req.param('workspaceId')
    await requireWorkspaceRole(deps.db, workspaceId, user.id, canReadWorkspace)
    const rows = await deps.db.select().from(meetings).where(eq(meetings.workspaceId, workspaceId)).orderBy(desc(meetings.startsAt))
    return c.json({ meetings: await Promise.all(rows.map((m) => meetingDto(deps, m))) })
  })

  return app
}

export function meetingRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  async function requireMeeting(meetingId: string, userId: string, allowed: typeof canReadWorkspace, action?: string) {
    const [meeting] = await deps.db.select().from(meetings).where(eq(meetings.id, meetingId))
    if (!meeting) throw notFound('meeting not found')
    const role = await requireWorkspaceRole(deps.db, meeting.workspaceId, userId, allowed, action)
    return { meeting, role }
  }

  app.get('/:meetingId', async (c) => {
    const { user } = requireSession(c)
    const { meeting, role } = await requireMeeting(c.req.param('meetingId'), user.id, canReadWorkspace)
    return c.json({ meeting: await meetingDto(deps, meeting), role, canWrite: canEditDocuments(role) })
  })

  app.patch('/:meetingId', async (c) => {
    const { user } = requireSession(c)
    const { meeting } = await requireMeeting(c.req.param('meetingId'), user.id, canEditDocuments, 'change meetings')
    if (meeting.endedAt !== null) throw conflict('the meeting has ended; its record is final')
    const body = await readJson(c, PatchMeetingBody)
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
    return c.json(await meetingDto(deps, { ...meeting, ...patch }))
  })

  app.post('/:meetingId/start', async (c) => {
    const { user } = requireSession(c)
    const { meeting } = await requireMeeting(c.req.param('meetingId'), user.id, canEditDocuments, 'start meetings')
    if (meeting.endedAt !== null) throw conflict('the meeting has already ended')
    const startedAt = meeting.startedAt ?? deps.now()
    if (meeting.startedAt === null) await deps.db.update(meetings).set({ startedAt }).where(eq(meetings.id, meeting.id))
    return c.json(await meetingDto(deps, { ...meeting, startedAt }))
  })

  app.post('/:meetingId/end', async (c) => {
    const { user } = requireSession(c)
    const { meeting } = await requireMeeting(c.req.param('meetingId'), user.id, canEditDocuments, 'end meetings')
    const result = await endMeeting(deps, meeting, user.id)
    const [fresh] = await deps.db.select().from(meetings).where(eq(meetings.id, meeting.id))
    return c.json({ meeting: await meetingDto(deps, fresh), alreadyEnded: result.alreadyEnded, versions: result.versions })
  })

  app.post('/:meetingId/decision-items', async (c) => {
    const { user } = requireSession(c)
    const { meeting } = await requireMeeting(c.req.param('meetingId'), user.id, canEditDocuments, 'add to the decision queue')
    const { items } = await readJson(c, DecisionItemsBody)
    const today = new Date(deps.now()).toISOString().slice(0, 10)
    return c.json(await sendToDecisionQueue(deps, meeting.workspaceId, items, today), 201)
  })

  return app
}

export function agendaInserts(deps: AppDeps, meetingId: string, agenda: string[]) {
  return [...new Set(agenda)].map((documentId, position) => deps.db.insert(meetingDocuments).values({ meetingId, documentId, position }))
}

export function attendeeInserts(deps: AppDeps, meetingId: string, attendeeIds: string[]) {
  return [...new Set(attendeeIds)].map((userId) => deps.db.insert(meetingAttendees).values({ meetingId, userId }))
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

async function meetingDto(deps: AppDeps, meeting: Meeting) {
  const { agenda, notes } = await meetingDocumentRows(deps, meeting)
  const attendees = await deps.db.select({ userId: users.id, name: users.name }).from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId)).where(eq(meetingAttendees.meetingId, meeting.id))
  // Timestamps are compared with null, never for truth: 0 is 1970-01-01T00:00:00Z, a real time.
  const iso = (t: number | null) => (t !== null ? new Date(t).toISOString() : null)
  return {
    id: meeting.id, workspaceId: meeting.workspaceId, cadence: meeting.cadence, title: meeting.title,
    startsAt: iso(meeting.startsAt), startedAt: iso(meeting.startedAt), endedAt: iso(meeting.endedAt),
    status: meeting.endedAt !== null ? 'ended' : meeting.startedAt !== null ? 'in-progress' : 'scheduled',
    notesDocumentId: meeting.notesDocumentId, notes: notes ? documentDto(notes) : null,
    agenda: agenda.map(documentDto), attendees,
  }
}
