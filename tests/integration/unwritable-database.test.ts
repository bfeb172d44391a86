// A database the server cannot write refuses the start with a message naming the path and the reason,
// instead of starting and answering 500 on every sign-in (issue #17, item 5). Tests may run as root,
// where chmod stops nothing: an immutable file or directory (chattr +i) does stop root.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { assertDatabaseWritable, DatabaseNotWritableError } from '../../server/db/writable-check'
import { startServer } from '../helpers/server'

const ROOT = resolve(import.meta.dirname, '../..')
const dirs: string[] = []
const immutable: string[] = []
afterAll(() => {
  for (const p of immutable) spawnSync('chattr', ['-i', p])
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'quorum-ro-'))
  dirs.push(d)
  return d
}

/** Whether chattr +i works here (it needs ext2/3/4-like filesystems and CAP_LINUX_IMMUTABLE). */
function canMakeImmutable(): boolean {
  const probe = join(tempDir(), 'probe')
  writeFileSync(probe, '')
  const ok = spawnSync('chattr', ['+i', probe]).status === 0
  if (ok) spawnSync('chattr', ['-i', probe])
  return ok
}

function makeImmutable(path: string) {
  execFileSync('chattr', ['+i', path])
  immutable.push(path)
}

/** Starts the bundle and waits for it to exit (or to print its port, which means it started). */
function startAndWait(dbPath: string): Promise<{ code: number | null; output: string; started: boolean }> {
  return new Promise((done) => {
    const proc = spawn(process.execPath, ['dist/server/index.mjs'], {
      cwd: ROOT,
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

const immutableWorks = canMakeImmutable()

describe('a database the server cannot write', () => {
  it.skipIf(!immutableWorks)('an existing database file that cannot be written (immutable): the start is refused, naming the file', async () => {
    const dir = tempDir()
    const dbPath = join(dir, 'quorum.db')
    const first = await startServer({ dbPath })
    await first.kill('SIGTERM')
    makeImmutable(dbPath)
    const res = await startAndWait(dbPath)
    expect(res.started).toBe(false)
    expect(res.code).not.toBe(0)
    expect(res.output).toContain(`cannot write its database at ${dbPath}`)
    expect(res.output).toMatch(/EPERM|EACCES|EROFS/)
  })

  it.skipIf(!immutableWorks)('a directory that takes no new files (immutable): the start is refused, naming the directory', async () => {
    const dir = join(tempDir(), 'data')
    mkdirSync(dir)
    makeImmutable(dir)
    const res = await startAndWait(join(dir, 'quorum.db'))
    expect(res.started).toBe(false)
    expect(res.code).not.toBe(0)
    expect(res.output).toContain(`cannot write its database at ${dir}`)
    expect(res.output).toMatch(/EPERM|EACCES|EROFS/)
  })

  it('a path that cannot be created (its parent is a file): the start is refused with the reason', async () => {
    const file = join(tempDir(), 'not-a-directory')
    writeFileSync(file, '')
    const res = await startAndWait(join(file, 'quorum.db'))
    expect(res.started).toBe(false)
    expect(res.code).not.toBe(0)
    expect(res.output).toContain(`cannot write its database at ${file}`)
    expect(res.output).toMatch(/ENOTDIR|EEXIST/)
    expect(() => assertDatabaseWritable(join(file, 'quorum.db'))).toThrow(DatabaseNotWritableError)
  })
})
