// Revocation across instances: a member removed, a role changed, a logout or an archive handled by
// instance B closes the matching sync sockets on instance A (4509 / 4401 / 4404) within 1 s through
// Redis; and with Redis down, A's periodic re-check against the database closes them anyway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/close-codes'
import { ApiClient, workspaceWithDocument } from '../helpers/api'
import { redisReady, startCluster, type TestCluster } from '../helpers/cluster'
import { connectDoc, type SyncClient } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

/** Resolves with how long after `since` the client saw a close with `code`. */
async function closedWith(client: SyncClient, code: number, since: number, timeoutMs: number): Promise<number> {
  await waitFor(() => client.closes.some((c) => c.code === code), { timeoutMs, message: `close ${code}; saw ${client.closes.map((c) => c.code).join(',') || 'none'}` })
  return Date.now() - since
}

/** The same request, sent to another instance with the caller's cookie and that instance's own Origin. */
const on = (url: string, cookie: string) => Object.assign(new ApiClient(url), { cookie })

describe('revocation through Redis', () => {
  let cluster: TestCluster
  // No periodic re-check here: only the control message can close the sockets in time.
  beforeAll(async () => { cluster = await startCluster({ tuning: { accessRecheckMs: 600_000 } }) }, 120_000)
  afterAll(async () => { await cluster?.dispose() })

  it('removing a member, changing a role, logging out and archiving on B close the sockets on A within 1 s', async () => {
    const [a, b] = cluster.servers
    const { owner, workspaceId, documentId, addMember } = await workspaceWithDocument(a.url)
    const removed = await addMember('Rem', 'editor')
    const demoted = await addMember('Dem', 'editor')
    const leaving = await addMember('Lea', 'editor')
    const clients = [removed, demoted, leaving, owner].map((p) => connectDoc(a.url, documentId, p.cookie))
    await Promise.all(clients.map((c) => c.synced()))
    const [removedOnA, demotedOnA, leavingOnA, ownerOnA] = clients

    let t = Date.now()
    expect((await on(b.url, owner.cookie).delete(`/api/workspaces/${workspaceId}/members/${removed.userId}`)).status).toBe(204)
    expect(await closedWith(removedOnA, CloseCode.accessChanged, t, 1000)).toBeLessThan(1000)

    t = Date.now()
    expect((await on(b.url, owner.cookie).patch(`/api/workspaces/${workspaceId}/members/${demoted.userId}`, { role: 'viewer' })).status).toBe(200)
    expect(await closedWith(demotedOnA, CloseCode.accessChanged, t, 1000)).toBeLessThan(1000)

    t = Date.now()
    expect((await on(b.url, leaving.cookie).post('/api/auth/logout')).status).toBe(204)
    expect(await closedWith(leavingOnA, CloseCode.unauthenticated, t, 1000)).toBeLessThan(1000)

    t = Date.now()
    expect((await on(b.url, owner.cookie).patch(`/api/documents/${documentId}`, { archived: true })).status).toBe(200)
    expect(await closedWith(ownerOnA, CloseCode.documentGone, t, 1000)).toBeLessThan(1000)
    // Nobody else's socket was closed by someone else's revocation.
    expect(ownerOnA.closes.map((c) => c.code)).toEqual([CloseCode.documentGone])
    clients.forEach((c) => c.destroy())
  })
})

describe('revocation whose Redis message was lost', () => {
  let cluster: TestCluster
  beforeAll(async () => { cluster = await startCluster({ tuning: { accessRecheckMs: 1000 } }) }, 120_000)
  afterAll(async () => { await cluster?.dispose() })

  it('is applied by the other instance\'s re-check against the database', async () => {
    const [a, b] = cluster.servers
    const { owner, workspaceId, documentId, addMember } = await workspaceWithDocument(a.url)
    const member = await addMember('Lost', 'editor')
    const onA = connectDoc(a.url, documentId, member.cookie)
    const stays = connectDoc(a.url, documentId, owner.cookie)
    await Promise.all([onA.synced(), stays.synced()])
    await cluster.redis.stop()
    const t = Date.now()
    expect((await on(b.url, owner.cookie).delete(`/api/workspaces/${workspaceId}/members/${member.userId}`)).status).toBe(204)
    // The re-check runs every second here (every 30 s by default).
    expect(await closedWith(onA, CloseCode.accessChanged, t, 5000)).toBeLessThan(5000)
    expect(stays.closes).toEqual([])
    await cluster.redis.start()
    for (const s of [a, b]) await redisReady(s)
    onA.destroy()
    stays.destroy()
  })
})
