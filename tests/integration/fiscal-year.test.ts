// The workspace's fiscal-year start: set by an owner, returned by the API, and followed by every
// quarter label the server writes (meeting versions, compare totals, the board pack).
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addInitiative, readRoadmap } from '../../shared/documents/roadmap'
import { workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

it('lets an owner start the fiscal year in April, and labels quarters by it everywhere', async () => {
  const { owner, workspaceId, documentId, addMember } = await workspaceWithDocument(server.url, 'roadmap')
  const editor = await addMember('Eddie Editor', 'editor')
  expect((await owner.get(`/api/workspaces/${workspaceId}`)).body.workspace.fiscalYearStartMonth).toBe(1)
  expect((await editor.patch(`/api/workspaces/${workspaceId}`, { fiscalYearStartMonth: 4 })).status).toBe(403)
  expect((await owner.patch(`/api/workspaces/${workspaceId}`, { fiscalYearStartMonth: 13 })).status).toBe(400)
  const set = await owner.patch(`/api/workspaces/${workspaceId}`, { fiscalYearStartMonth: 4 })
  expect(set.status).toBe(200)
  expect(set.body.workspace.fiscalYearStartMonth).toBe(4)
  expect((await owner.get('/api/workspaces')).body.workspaces[0].fiscalYearStartMonth).toBe(4)
  expect((await owner.get('/api/me')).body.workspaces[0].fiscalYearStartMonth).toBe(4)

  // A roadmap whose window starts in December: its first quarter is Q3 of FY2027, not "Q1".
  const sync = connectDoc(server.url, documentId, owner.cookie)
  try {
    await sync.synced()
    sync.doc.getMap('meta').set('windowStart', '2026-12')
    addInitiative(sync.doc, { title: 'Data platform', startMonth: '2026-12', endMonth: '2027-05', oneOffCost: 60_000 })
    await waitFor(() => readRoadmap(sync.doc).initiatives.length === 1)
    const meeting = await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Board', startsAt: '2026-09-15T09:00:00Z', agenda: [documentId] })
    expect((await owner.post(`/api/meetings/${meeting.body.id}/start`)).status).toBe(200)
    const ended = await owner.post(`/api/meetings/${meeting.body.id}/end`)
    expect(ended.body.versions[0].label).toBe('Q2 FY2027 board meeting')

    const compare = await owner.get(`/api/documents/${documentId}/compare?from=1&to=live`)
    expect(compare.body.comparison.totals.quarters.map((q: any) => q.quarter)).toEqual(['Q3 FY2027', 'Q4 FY2027', 'Q1 FY2028', 'Q2 FY2028', 'Q3 FY2028'])

    const pack = await fetch(`${server.url}/api/meetings/${meeting.body.id}/board-pack.md`, { headers: { cookie: owner.cookie, origin: server.url } })
    const text = await pack.text()
    expect(text).toContain('_FY quarters start in April._')
    expect(text).toContain('| Q4 FY2027 (Jan–Mar 2027) |')
  } finally {
    sync.destroy()
  }
})
