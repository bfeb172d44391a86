// Starts the real Quorum server as a child process on a random port with a temporary database file,
// so tests exercise what `npm start` runs — the bundle that tests/global-setup.ts rebuilt, through
// the tests' entry point (the same main() with tuning values) — and can kill -9 it.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { demoPasswordFromOutput } from '../../server/seed/demo-password'
import type { SyncTuning } from '../../server/sync/tuning'

const ROOT = resolve(import.meta.dirname, '../..')

export interface TestServer {
  port: number
  url: string
  origin: string
  dbPath: string
  proc: ChildProcess
  output(): string
  /** The demo accounts' password, read from the box the seed printed (as a user would); throws if none. */
  demoPassword(): string
  /** Sends a signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<number | null>
  /** Starts a new server process on the same database (and, if free, the same port). */
  restart(): Promise<TestServer>
  /** Stops the server and deletes its temporary directory. */
  dispose(): Promise<void>
}

export interface StartOptions {
  env?: Record<string, string>
  dbPath?: string
  port?: number
  seedDemo?: boolean
  serveClient?: boolean
  /** Shortened tuning values, over TEST_TUNING. */
  tuning?: Partial<SyncTuning>
}

/** A suite signs up hundreds of people from 127.0.0.1; the test of the sign-up budget passes its own. */
const TEST_TUNING: Partial<SyncTuning> = { signupsPerAddressPerHour: 100_000 }

export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
  const dir = opts.dbPath ? null : mkdtempSync(join(tmpdir(), 'quorum-test-'))
  const dbPath = opts.dbPath ?? join(dir!, 'quorum.db')
  const tuning = JSON.stringify({ ...TEST_TUNING, ...opts.tuning })
  const proc = spawn(process.execPath, ['--enable-source-maps', 'dist/server/tuned-server.mjs', tuning], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(opts.port ?? 0),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${dbPath}`,
      SEED_DEMO: opts.seedDemo ? 'true' : 'false',
      QUORUM_SKIP_CLIENT_BUILD: opts.serveClient ? 'false' : 'true',
      QUORUM_PRINT_PORT: 'true',
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  proc.stdout!.on('data', (d) => (out += d))
  proc.stderr!.on('data', (d) => (out += d))
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)))
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000)
    const onData = () => {
      const m = /QUORUM_PORT=(\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolvePort(Number(m[1]))
      }
    }
    proc.stdout!.on('data', onData)
    proc.once('exit', () => {
      clearTimeout(timer)
      reject(new Error(`server exited during start:\n${out}`))
    })
  })
  const url = `http://127.0.0.1:${port}`
  const server: TestServer = {
    port, url, origin: url, dbPath, proc,
    output: () => out,
    demoPassword() {
      const password = demoPasswordFromOutput(out)
      if (!password) throw new Error(`no demo login in the server's output:\n${out}`)
      return password
    },
    async kill(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal)
      return exited
    },
    async restart() {
      await server.kill('SIGTERM')
      return startServer({ ...opts, dbPath, port })
    },
    async dispose() {
      await server.kill('SIGTERM')
      if (dir) rmSync(dir, { recursive: true, force: true })
    },
  }
  return server
}
