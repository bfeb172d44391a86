// Launches the real Quorum server (`npm start` code path) on loopback with a fresh database:
// auth on, durability on as in production (libSQL WAL, synchronous=NORMAL with the WAL flusher,
// group commit before relay; DB_SYNCHRONOUS=FULL in the environment benchmarks the strict mode).
// BENCH_QUORUM_ROOT=/path/to/other/checkout benchmarks another copy of the server (A/B of a change).
// Like `npm start`, it runs the server bundle with the node flags of that checkout's start script,
// built once per bench process (older checkouts without scripts/build-server.mjs run
// server/index.ts through tsx, as their `npm start` did).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, spawnServer } from './launch'
import type { LaunchOptions, RunningServer } from './types'

const built = new Set<string>()

/** The entry point `npm start` runs in that checkout, built if need be. */
function serverEntry(root: string): string {
  const buildScript = join(root, 'scripts/build-server.mjs')
  if (!existsSync(buildScript)) return 'server/index.ts'
  if (!built.has(root)) {
    execFileSync(process.execPath, [buildScript], { cwd: root, stdio: 'inherit' })
    built.add(root)
  }
  return 'dist/server/index.mjs'
}

/**
 * The node flags `npm start` gives the server in that checkout (e.g. --max-semi-space-size), so
 * that the bench runs it as it runs in production; --enable-source-maps only costs on errors.
 */
export function startNodeFlags(root: string): string[] {
  const start: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts?.start ?? ''
  const flags = /node ((?:--\S+ )*)dist\/server\/index\.mjs/.exec(start)?.[1] ?? ''
  return flags.split(' ').filter((f) => f && f !== '--enable-source-maps')
}

export async function launchQuorum(opts: LaunchOptions = {}, root = process.env.BENCH_QUORUM_ROOT || ROOT, kind: 'quorum' | 'quorum-base' = 'quorum'): Promise<RunningServer> {
  const dir = opts.databaseUrl ? null : mkdtempSync(join(tmpdir(), 'quorum-bench-'))
  return spawnServer({
    kind,
    script: serverEntry(root),
    cwd: root === ROOT ? undefined : root,
    // BENCH_QUORUM_NODE_ARGS: node flags for Quorum alone (an A/B of a runtime setting).
    nodeArgs: [...startNodeFlags(root), ...(process.env.BENCH_QUORUM_NODE_ARGS ?? '').split(' ').filter(Boolean), ...(opts.nodeArgs ?? [])],
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: opts.databaseUrl ?? `file:${join(dir!, 'q.db')}`,
      SEED_DEMO: 'false',
      QUORUM_SKIP_CLIENT_BUILD: 'true',
      QUORUM_PRINT_PORT: 'true',
      LOG_LEVEL: 'warn',
      // The setup's users sign up from addresses of their own (load/quorum-setup.ts), under the per-address sign-up budget.
      TRUST_PROXY: 'true',
      ...opts.env,
    },
    portLine: /QUORUM_PORT=(\d+)/,
    cleanup: () => { if (dir) rmSync(dir, { recursive: true, force: true }) },
  })
}
