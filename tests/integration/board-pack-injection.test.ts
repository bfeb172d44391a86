// The Markdown board pack, downloaded from the real server, with hostile text in the workspace name,
// the meeting title and a roadmap initiative (issue #17, item 7): the text is kept, escaped; no raw
// HTML and no link to anything but http(s) or mailto survives. The escaping rules themselves are
// tested in tests/unit/board-pack/markdown-injection.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addInitiative, readRoadmap } from '../../shared/documents/roadmap'
import { signUp } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

const HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) <javascript:alert(4)>'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

/** Positions of `ch` not escaped by a backslash. */
const unescaped = (text: string, ch: string) => [...text.matchAll(new RegExp(`(?<!\\\\)(\\\\\\\\)*\\${ch}`, 'g'))]

describe('the Markdown board pack with hostile text', () => {
  it('keeps the text but no raw HTML and no javascript: link', async () => {
    const owner = await signUp(server.url, 'Olivia Owner')
    const workspaceId = (await owner.post('/api/workspaces', { name: HOSTILE })).body.id as string
    const roadmapId = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'roadmap', title: HOSTILE })).body.id as string
    const writer = connectDoc(server.url, roadmapId, owner.cookie)
    const watcher = connectDoc(server.url, roadmapId, owner.cookie)
    await Promise.all([writer.synced(), watcher.synced()])
    const windowStart = readRoadmap(writer.doc).windowStart
    expect(addInitiative(writer.doc, { title: HOSTILE, startMonth: windowStart, endMonth: windowStart }).ok).toBe(true)
    await waitFor(() => readRoadmap(watcher.doc).initiatives.length === 1)
    const meeting = await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: HOSTILE, startsAt: '2026-09-15T09:00:00Z', agenda: [roadmapId] })
    expect(meeting.status).toBe(201)
    expect((await owner.post(`/api/meetings/${meeting.body.id}/end`)).status).toBe(200)

    const res = await owner.get(`/api/meetings/${meeting.body.id}/board-pack.md`)
    expect(res.status).toBe(200)
    const md = res.body as string
    expect(md).toContain('alert(1)')
    expect(md).toContain('onerror=alert(2)')
    // Outside code fences nothing can open a tag or an autolink.
    const prose = md.split(/^```.*$/m).filter((_, i) => i % 2 === 0).join('\n')
    expect(unescaped(prose, '<')).toEqual([])
    for (const link of prose.matchAll(/(?<!\\)\]\(([^)]*)\)/g)) expect(link[1]).toMatch(/^(https?:\/\/|mailto:)/i)
    expect(prose).not.toMatch(/(?<!\\)\]\(javascript:/i)
    writer.destroy()
    watcher.destroy()
  })
})
