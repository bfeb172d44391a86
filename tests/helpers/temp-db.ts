import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type Database } from '../../server/db/client'

/** A migrated libSQL database in a temporary file. */
export async function tempDatabase(): Promise<Database & { dispose(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-unit-'))
  const database = await openDatabase({ url: `file:${join(dir, 'q.db')}` })
  return { ...database, dispose: () => { database.client.close(); rmSync(dir, { recursive: true, force: true }) } }
}
