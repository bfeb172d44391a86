// Meeting series through the real server: a recurrence on scheduling, the next meeting made when one
// ends (standing agenda, invitees, carried actions, made once), and the calendar file parsed by a
// standard iCalendar parser (ical.js) with the series' RRULE.
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

function parseEvent(ics: string) {
  const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!
  return { event, rrule: event.getFirstPropertyValue('rrule') as ICAL.Recur | null }
}

describe('meeting series', () => {
  it('schedules the next meeting of a series when one ends, with its agenda and carried actions', async () => {
    const { owner, workspaceId, documentId, addMember } = await workspaceWithDocument(server.url, 'decisions')
    const viewer = await addMember('Vera Viewer', 'viewer')
    const created = await owner.post(`/api/workspaces/${workspaceId}/meetings`, {
      cadence: 'leadership', title: 'Leadership sync', startsAt: '2026-11-02T09:00:00Z', agenda: [documentId], attendeeIds: [viewer.userId], recurrence: 'biweekly',
    })
    expect(created.status).toBe(201)
    const first = created.body
    expect(first).toMatchObject({ recurrence: 'biweekly', seriesId: first.id })
    expect((await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'leadership', title: 'x', startsAt: '2026-11-02T09:00:00Z', recurrence: 'daily' })).status).toBe(400)
    const single = await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'leadership', title: 'One-off', startsAt: '2026-11-03T09:00:00Z' })
    expect(single.body).toMatchObject({ recurrence: null, seriesId: null })

    await owner.post(`/api/meetings/${first.id}/actions`, { title: 'Draft the RFP', ownerId: owner.userId, dueDate: '2026-11-20' })
    await owner.post(`/api/meetings/${first.id}/start`)
    expect((await owner.post(`/api/meetings/${first.id}/end`)).status).toBe(200)
    expect((await owner.post(`/api/meetings/${first.id}/end`)).body.alreadyEnded).toBe(true)

    const series = (await owner.get(`/api/workspaces/${workspaceId}/meetings`)).body.meetings.filter((m: any) => m.seriesId === first.id)
    expect(series).toHaveLength(2)
    const next = series.find((m: any) => m.id !== first.id)
    expect(next).toMatchObject({ title: 'Leadership sync', startsAt: '2026-11-16T09:00:00.000Z', status: 'scheduled', recurrence: 'biweekly' })
    expect(next.agenda.map((d: any) => d.id)).toEqual([documentId])
    expect(next.attendees.map((a: any) => a.userId)).toEqual([viewer.userId])
    expect(next.notesDocumentId).not.toBe(first.notesDocumentId)
    const carried = await owner.get(`/api/meetings/${next.id}/actions`)
    expect(carried.body.carried.map((a: any) => a.title)).toEqual(['Draft the RFP'])

    // The calendar file: any member reads it; a standard parser finds the event and the RRULE.
    const res = await fetch(`${server.url}/api/meetings/${next.id}/calendar.ics`, { headers: { cookie: viewer.cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/)
    const { event, rrule } = parseEvent(await res.text())
    expect(event.getFirstPropertyValue('summary')).toBe('Leadership sync')
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe('2026-11-16T09:00:00.000Z')
    expect(rrule).not.toBeNull()
    expect(rrule!.freq).toBe('WEEKLY')
    expect(rrule!.interval).toBe(2)

    const one = await fetch(`${server.url}/api/meetings/${single.body.id}/calendar.ics`, { headers: { cookie: owner.cookie } })
    expect(parseEvent(await one.text()).rrule).toBeNull()
    expect((await fetch(`${server.url}/api/meetings/${next.id}/calendar.ics`)).status).toBe(401)
  })

  it('carries quarterly as every three months', async () => {
    const { owner, workspaceId } = await workspaceWithDocument(server.url, 'decisions')
    const board = (await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Board', startsAt: '2026-11-30T15:00:00Z', recurrence: 'quarterly' })).body
    const ics = await (await fetch(`${server.url}/api/meetings/${board.id}/calendar.ics`, { headers: { cookie: owner.cookie } })).text()
    const { rrule } = parseEvent(ics)
    expect([rrule!.freq, rrule!.interval]).toEqual(['MONTHLY', 3])
    await owner.post(`/api/meetings/${board.id}/end`)
    const next = (await owner.get(`/api/workspaces/${workspaceId}/meetings`)).body.meetings.find((m: any) => m.id !== board.id)
    // 30 Nov + 3 months: the last day of February.
    expect(next.startsAt).toBe('2027-02-28T15:00:00.000Z')
  })
})
