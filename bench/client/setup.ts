// The benchmark's world: a workspace with a roadmap of N initiatives, the page's own editor account
// and ten remote editors, each its own account and member of the workspace. Rows are written
// through shared/documents/roadmap.ts by a y-websocket client, as any client would.
import * as Y from 'yjs'
import { addMonths } from '../../shared/documents/calendar'
import { PILLARS } from '../../shared/documents/pillars'
import { addInitiative, readRoadmap, template } from '../../shared/documents/roadmap'
import { signUp, type ApiClient } from '../../tests/helpers/api'
import { connectDoc } from '../../tests/helpers/sync-client'
import { waitFor } from '../../tests/helpers/wait'

export interface BenchWorld {
  documentId: string
  pageUser: ApiClient
  editors: ApiClient[]
  initiativeIds: string[]
}

const thisMonth = () => new Date().toISOString().slice(0, 7)

export async function createWorld(baseUrl: string, initiatives: number, editorCount: number): Promise<BenchWorld> {
  const owner = await signUp(baseUrl, 'Olivia Owner')
  const ws = await owner.post('/api/workspaces', { name: `Bench ${initiatives}` })
  const doc = await owner.post(`/api/workspaces/${ws.body.id}/documents`, { kind: 'roadmap', title: `Roadmap of ${initiatives}` })
  if (doc.status !== 201) throw new Error(`create roadmap: ${doc.status} ${JSON.stringify(doc.body)}`)
  const documentId = doc.body.id as string
  const member = async (name: string) => {
    const user = await signUp(baseUrl, name)
    const res = await owner.post(`/api/workspaces/${ws.body.id}/members`, { email: user.email, role: 'editor' })
    if (res.status !== 201) throw new Error(`add member: ${res.status}`)
    return user
  }
  const pageUser = await member('Paula Page')
  const editors: ApiClient[] = []
  for (let i = 0; i < editorCount; i++) editors.push(await member(`Remote Editor${i + 1}`))

  const seeder = connectDoc(baseUrl, documentId, owner.cookie)
  await seeder.synced()
  const start = thisMonth()
  seeder.doc.transact(() => {
    template(seeder.doc, { windowStart: start })
    for (let n = 0; n < initiatives; n++) {
      const s = addMonths(start, n % 8)
      addInitiative(seeder.doc, {
        title: `Initiative ${n + 1}`,
        owner: `Owner ${n % 17}`,
        pillar: PILLARS[n % PILLARS.length],
        startMonth: s,
        endMonth: addMonths(s, 2 + (n % 3)),
        oneOffCost: 10_000 * (n % 9),
        runRateCost: 1_000 * (n % 5),
        capacity: n % 7,
      })
    }
  })
  // A second client sees every row only once the server has committed them.
  const check = connectDoc(baseUrl, documentId, owner.cookie, { doc: new Y.Doc() })
  await waitFor(() => check.provider.synced && readRoadmap(check.doc).initiatives.length === initiatives, { timeoutMs: 60_000, message: 'seeded roadmap' })
  const initiativeIds = readRoadmap(check.doc).initiatives.map((i) => i.id)
  check.destroy()
  seeder.destroy()
  return { documentId, pageUser, editors, initiativeIds }
}
