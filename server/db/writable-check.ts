// A server that cannot write its database must not start: it would answer every sign-in with 500.
// SQLite opens a read-only file read-only without complaint, so we check ourselves, before opening:
// the file (and its WAL/shared-memory files) must open for writing and the directory must take a
// new file (SQLite creates -wal, -shm and journal files there).
import { closeSync, mkdirSync, openSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** The embedded database file of a `file:` URL, or null (a libSQL server, :memory:). */
export function localDatabasePath(url: string): string | null {
  if (!url.startsWith('file:')) return null
  const path = url.slice('file:'.length).split('?')[0]
  return path && path !== ':memory:' ? resolve(path) : null
}

export class DatabaseNotWritableError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`Quorum cannot write its database at ${path}: ${reason}. Fix the file's or directory's permissions (or the mount) and start again.`)
  }
}

function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException
  return e.code ? `${e.code} (${e.message})` : String(err)
}

/** Throws DatabaseNotWritableError naming the path and the reason; returns quietly when writable. */
export function assertDatabaseWritable(filePath: string): void {
  const dir = dirname(filePath)
  try {
    mkdirSync(dir, { recursive: true })
  } catch (err) {
    throw new DatabaseNotWritableError(dir, `its directory cannot be created: ${reasonOf(err)}`)
  }
  for (const path of [filePath, `${filePath}-wal`, `${filePath}-shm`]) {
    let fd: number
    try {
      fd = openSync(path, 'r+')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue
      throw new DatabaseNotWritableError(path, `it cannot be opened for writing: ${reasonOf(err)}`)
    }
    closeSync(fd)
  }
  const probe = join(dir, `.quorum-write-check-${process.pid}`)
  try {
    closeSync(openSync(probe, 'wx'))
    rmSync(probe)
  } catch (err) {
    throw new DatabaseNotWritableError(dir, `its directory does not accept new files (SQLite needs it for the WAL): ${reasonOf(err)}`)
  }
}
