// What `npm start` runs (through index.ts): parse config, open the database, seed the demo workspace
// on an empty database, build the client if it is missing (npm start builds it first, in its own
// process: this is for a bundle started directly), serve, and shut down cleanly on SIGTERM/SIGINT.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadConfig } from './config'
import { withStartLock } from './db/start-lock'
import { assertDatabaseWritable, localDatabasePath } from './db/writable-check'
import { projectPath } from './paths'
import { demoLoginBox } from './seed/demo-password'
import { DEMO_PEOPLE, seedDemoWorkspace } from './seed/demo-workspace'
import { backfillSearchIndex } from './search/search-backfill'
import { buildDeps, startServer } from './server'
import type { SyncTuning } from './sync/tuning'

const CLIENT_DIR = projectPath('dist/client')

async function ensureClientBuilt(log: { info(msg: string): void }) {
  if (existsSync(resolve(CLIENT_DIR, 'index.html'))) return
  log.info('building the client (first start)…')
  const { build } = await import('vite')
  await build({ configFile: projectPath('vite.config.ts'), logLevel: 'warn' })
}

/** `tuning` replaces some of SYNC_TUNING; index.ts passes none, the tests' entry point its shortened values. */
export async function main(tuning: Partial<SyncTuning> = {}): Promise<void> {
  let config
  try {
    config = loadConfig(process.env, tuning)
  } catch (err) {
    console.error((err as Error).message)
    process.exit(1)
  }
  const dbPath = localDatabasePath(config.DATABASE_URL)
  try {
    if (dbPath) assertDatabaseWritable(dbPath)
  } catch (err) {
    console.error((err as Error).message)
    process.exit(1)
  }
  const deps = await buildDeps(config)
  if (config.SEED_DEMO) {
    // Under the start lock: of several instances starting on one empty database, one seeds.
    const demo = await withStartLock(deps.client, () => seedDemoWorkspace(deps))
    if (demo) console.log(demoLoginBox(DEMO_PEOPLE, demo.password))
  }
  if (process.env.QUORUM_SKIP_CLIENT_BUILD !== 'true') await ensureClientBuilt({ info: (m) => deps.log.info(m) })
  const server = await startServer(deps, { clientDir: CLIENT_DIR })
  deps.log.info({ port: server.port }, `Quorum listening on http://localhost:${server.port}`)
  // A database from before search: its documents are indexed in the background, the server already serving.
  backfillSearchIndex(deps).then(
    (count) => { if (count > 0) deps.log.info({ documents: count }, 'search index backfilled') },
    (err: Error) => deps.log.error({ err: err.message }, 'search backfill failed; documents are indexed on their next edit'),
  )
  // Machine-readable line for tests and scripts that start the server on port 0.
  if (process.env.QUORUM_PRINT_PORT === 'true') console.log(`QUORUM_PORT=${server.port}`)

  const shutdown = (signal: string) => {
    deps.log.info({ signal }, 'shutting down: committing pending updates')
    server.stop().then(() => process.exit(0), (err) => {
      deps.log.error({ err: (err as Error).message }, 'shutdown failed')
      process.exit(1)
    })
  }
  // Last resort: a fault that escaped its handler is logged loudly; it must not take every meeting down.
  process.on('unhandledRejection', (reason) => {
    deps.log.error({ err: reason instanceof Error ? reason.message : String(reason), stack: reason instanceof Error ? reason.stack : undefined }, 'unhandled rejection (the server keeps running; this is a bug to fix)')
  })
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
}
