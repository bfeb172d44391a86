// `npm run backup [target.db]`: a consistent copy of the live database, taken while the server keeps
// writing (SQLite's VACUUM INTO reads one snapshot; every committed edit is in the database), then
// checked with PRAGMA integrity_check.
import { createClient } from '@libsql/client'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { loadConfig } from './config'

export async function backupDatabase(sourceUrl: string, targetPath: string): Promise<{ path: string; integrity: string }> {
  if (!sourceUrl.startsWith('file:')) throw new Error('npm run backup copies an embedded file: database; for a libSQL server use its own snapshots')
  const path = resolve(targetPath)
  mkdirSync(dirname(path), { recursive: true })
  const source = createClient({ url: sourceUrl })
  try {
    await source.execute('PRAGMA busy_timeout=5000')
    await source.execute({ sql: 'VACUUM INTO ?', args: [path] })
  } finally {
    source.close()
  }
  const copy = createClient({ url: `file:${path}` })
  try {
    const res = await copy.execute('PRAGMA integrity_check')
    return { path, integrity: String(res.rows[0][0]) }
  } finally {
    copy.close()
  }
}

async function main() {
  const config = loadConfig()
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const target = process.argv[2] ?? `data/backups/quorum-${stamp}.db`
  const { path, integrity } = await backupDatabase(config.DATABASE_URL, target)
  console.log(`backup written to ${path} (integrity_check: ${integrity})`)
  if (integrity !== 'ok') process.exit(1)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'backup.ts')) {
  main().catch((err) => {
    console.error((err as Error).message)
    process.exit(1)
  })
}
