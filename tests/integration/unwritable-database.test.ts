// A database the server cannot write refuses the start with a message naming the path and the reason,
// instead of starting and answering 500 on every sign-in (issue #17, item 5). File permissions stop
// everyone but root, so when the tests run as root the server under test runs as `nobody` (spawn's
// uid/gid): the same checks then hold wherever the tests run, with no filesystem features needed.
import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { assertDatabaseWritable, DatabaseNotWritableError } from '../../server/db/writable-check'
import { startServer } from '../helpers/server'

const ROOT = resolve(import.meta.dirname, '../..')
/** Root is not stopped by permissions: run the server as nobody (65534) then. */
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}
const dirs: string[] = []
/**
 * nobody must reach the checkout to run it: a clone in a 0700 directory (`mktemp -d`) is not
 * reachable. Each ancestor gets "others may enter" for the run and its own mode back afterwards.
 */
const restoreModes: [string, number][] = []
if (process.getuid?.() === 0) {
  for (let d = ROOT; ; d = dirname(d)) {
    const mode = statSync(d).mode & 0o7777
    if ((mode & 0o001) === 0) { restoreModes.push([d, mode]); chmodSync(d, mode | 0o001) }
    if (dirname(d) === d) break
  }
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
  for (const [d, mode] of restoreModes) chmodSync(d, mode)
})

/** A directory the server's user can enter (and, if `writable`, create files in). */
function tempDir(writable: boolean): string {
  const d = mkdtempSync(join(tmpdir(), 'quorum-ro-'))
  dirs.push(d)
  chmodSync(d, writable ? 0o777 : 0o555)
  return d
}

/** Starts the bundle as `asUser` and waits for it to exit (or to print its port, which means it started). */
function startAndWait(dbPath: string): Promise<{ code: number | null; output: string; started: boolean }> {
  return new Promise((done) => {
    const proc = spawn(process.execPath, ['dist/server/index.mjs'], {
      cwd: ROOT,
      ...asUser,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `file:${dbPath}`, SEED_DEMO: 'false', QUORUM_SKIP_CLIENT_BUILD: 'true', QUORUM_PRINT_PORT: 'true', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    let stderr = ''
    proc.stdout.on('data', (d) => {
      output += d
      if (/QUORUM_PORT=\d+/.test(output)) proc.kill('SIGKILL')
    })
    proc.stderr.on('data', (d) => { output += d; stderr += d })
    proc.on('exit', (code) => done({ code, output: stderr, started: /QUORUM_PORT=\d+/.test(output) }))
  })
}

describe('a database the server cannot write', () => {
  it('the same user with a writable directory: the server starts (the cases below fail on the database alone)', async () => {
    const res = await startAndWait(join(tempDir(true), 'quorum.db'))
    expect(res.output).toBe('')
    expect(res.started).toBe(true)
  })

  it('an existing database file that cannot be written (read-only): the start is refused, naming the file', async () => {
    const dir = tempDir(true)
    const dbPath = join(dir, 'quorum.db')
    const first = await startServer({ dbPath })
    await first.kill('SIGTERM')
    chmodSync(dbPath, 0o444)
    const res = await startAndWait(dbPath)
    expect(res.started).toBe(false)
    expect(res.code).not.toBe(0)
    expect(res.output).toContain(`cannot write its database at ${dbPath}: it cannot be opened for writing`)
    expect(res.output).toContain('EACCES')
  })

  it('a directory that takes no new files (read-only): the start is refused, naming the directory', async () => {
    const dir = join(tempDir(true), 'data')
    mkdirSync(dir, { mode: 0o555 })
    chmodSync(dir, 0o555)
    const res = await startAndWait(join(dir, 'quorum.db'))
    expect(res.started).toBe(false)
    expect(res.code).not.toBe(0)
    expect(res.output).toContain(`cannot write its database at ${dir}: its directory does not accept new files`)
    expect(res.output).toContain('EACCES')
  })

  it('a directory that cannot be created (its parent is read-only): the start is refused, naming it', async () => {
    const dir = join(tempDir(false), 'data')
    const res = await startAndWait(join(dir, 'quorum.db'))
    expect(res.started).toBe(false)
    expect(res.code).not.toBe(0)
    expect(res.output).toContain(`cannot write its database at ${dir}: its directory cannot be created`)
    expect(res.output).toContain('EACCES')
  })

  it('a path that cannot be created (its parent is a file): the start is refused with the reason', async () => {
    const file = join(tempDir(true), 'not-a-directory')
    writeFileSync(file, '')
    const res = await startAndWait(join(file, 'quorum.db'))
    expect(res.started).toBe(false)
    expect(res.code).not.toBe(0)
    expect(res.output).toContain(`cannot write its database at ${file}`)
    expect(res.output).toMatch(/ENOTDIR|EEXIST/)
    expect(() => assertDatabaseWritable(join(file, 'quorum.db'))).toThrow(DatabaseNotWritableError)
  })
})
