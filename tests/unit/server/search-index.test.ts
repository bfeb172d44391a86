// A document's search rows are brought up to date row by row: changed records are replaced, removed ones disappear, and a large document is written in several
// short transactions (see server/search/search-index.ts).
import { afterEach, describe, expect, it } from 'vitest'
import { indexDocument, searchWorkspace } from '../../../server/search/search-index'
import { tempDatabase } from '../../helpers/temp-db'

describe('search index of a document', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => { for (const c of cleanups.splice(0)) c() })

  async function setup() {
    const database = await tempDatabase()
    cleanups.push(database.dispose)
    await database.client.execute(`INSERT INTO workspaces (id, name, created_at) VALUES ('w', 'W', 0)`)
    await database.client.execute(`INSERT INTO documents (id, workspace_id, kind, title, created_at, updated_at) VALUES ('d', 'w', 'roadmap', 'Roadmap', 0, 0)`)
    const rows = async () => (await database.client.execute(
      "SELECT record_id, body FROM search_index WHERE document_id = 'd' ORDER BY record_id",
    )).rows.map((r) => ({ recordId: r.record_id as string | null, body: r.body as string }))
    return { client: database.client, rows }
  }
  const doc = { id: 'd', workspaceId: 'w', title: 'Roadmap' }

  it('replaces the rows whose text changed and removes records that are gone', async () => {
    const { client, rows } = await setup()
    await indexDocument(client, doc, [
      { recordId: null, recordTitle: '', body: 'fiscal year plan' },
      { recordId: 'a', recordTitle: 'Billing', body: 'billing rewrite' },
      { recordId: 'b', recordTitle: 'Ledger', body: 'ledger migration' },
      { recordId: 'c', recordTitle: 'Portal', body: 'portal refresh' },
    ])
    const before = await rows()
    expect(before).toHaveLength(4)

    await indexDocument(client, doc, [
      { recordId: null, recordTitle: '', body: 'fiscal year plan' },
      { recordId: 'a', recordTitle: 'Billing', body: 'billing rewrite' },
      { recordId: 'b', recordTitle: 'Ledger', body: 'ledger consolidation' },
    ])
    const after = await rows()
    expect(after.map((r) => r.recordId)).toEqual([null, 'a', 'b'])
    expect(after.map((r) => r.body)).toEqual(['fiscal year plan', 'billing rewrite', 'ledger consolidation'])
    expect((await searchWorkspace(client, 'w', 'consolidation')).map((r) => r.recordId)).toEqual(['b'])
    expect(await searchWorkspace(client, 'w', 'migration')).toEqual([])
    expect(await searchWorkspace(client, 'w', 'portal')).toEqual([])
  })

  it('writes a document of thousands of records completely, and a duplicate row left by two writers is removed', async () => {
    const { client, rows } = await setup()
    const records = Array.from({ length: 1_500 }, (_, i) => ({ recordId: `r${i}`, recordTitle: `Initiative ${i}`, body: `initiative number${i}` }))
    await indexDocument(client, doc, records)
    expect(await rows()).toHaveLength(1_501)
    expect((await searchWorkspace(client, 'w', 'number1499')).map((r) => r.recordId)).toEqual(['r1499'])

    await client.execute("INSERT INTO search_index (workspace_id, document_id, record_id, source, source_id, record_title, body) VALUES ('w', 'd', 'r7', 'document', 'd', 'Initiative 7', 'initiative number7')")
    await indexDocument(client, doc, records)
    expect((await rows()).filter((r) => r.recordId === 'r7')).toHaveLength(1)
  })
})
