// Presence across instances: the people on every instance, each with the identity the server
// stamped; the people of an instance that dies disappear from the others within 20 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { startCluster, type TestCluster } from '../helpers/cluster'
import { connectDoc, type SyncClient } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let cluster: TestCluster
beforeAll(async () => { cluster = await startCluster() }, 120_000)
afterAll(async () => { await cluster?.dispose() })

type State = { user?: { id?: string; name?: string }; cursor?: unknown }
const stateOf = (c: SyncClient, of: SyncClient) => c.provider.awareness.getStates().get(of.doc.clientID) as State | undefined

describe('presence across instances', () => {
  it('is the union of the instances, server-stamped, and drops the people of a dead instance within 20 s', async () => {
    const [a, b] = cluster.servers
    const { owner, documentId, addMember } = await workspaceWithDocument(a.url)
    const guest = await addMember('Gus Guest', 'editor')
    const onA = connectDoc(a.url, documentId, owner.cookie)
    const onB = connectDoc(b.url, documentId, guest.cookie)
    await Promise.all([onA.synced(), onB.synced()])
    // A page may claim any name: the instance it is connected to stamps who it really is.
    onA.provider.awareness.setLocalStateField('user', { name: 'Mallory' })
    onA.provider.awareness.setLocalStateField('cursor', { anchor: 1 })
    onB.provider.awareness.setLocalStateField('cursor', { anchor: 2 })
    await waitFor(() => stateOf(onB, onA)?.user?.id === owner.userId, { message: 'B shows the person on A' })
    expect(stateOf(onB, onA)).toMatchObject({ user: { id: owner.userId, name: 'Olivia Owner' }, cursor: { anchor: 1 } })
    await waitFor(() => stateOf(onA, onB)?.user?.id === guest.userId, { message: 'A shows the person on B' })

    // Someone arriving on B later sees both at once.
    const late = connectDoc(b.url, documentId, owner.cookie)
    await late.synced()
    await waitFor(() => stateOf(late, onA)?.user?.id === owner.userId && stateOf(late, onB)?.user?.id === guest.userId,
      { message: 'a newcomer on B sees the people on A and on B' })

    const killedAt = Date.now()
    await a.kill('SIGKILL')
    await waitFor(() => !stateOf(onB, onA) && !stateOf(late, onA), { timeoutMs: 20_000, message: 'the people of the dead instance disappear' })
    expect(Date.now() - killedAt).toBeLessThan(20_000)
    expect(stateOf(late, onB)?.user?.id).toBe(guest.userId)
    ;[onA, onB, late].forEach((c) => c.destroy())
  }, 45_000)
})
