// One server per database file. A second one would replay and delete the first one's journal
// segments at its start (while the first keeps writing into the deleted file), so the start is
// refused while the process named in `<db>-updates.lock` is alive. A lock left by a process that
// died (kill -9, power loss) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'

/** How long a start waits for a holder that may be dying (a restart right after kill -9). */
const WAIT_FOR_HOLDER_MS = 3000

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false
  try {
    process.kill(pid, 0)
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
  // A killed process nobody has reaped yet (a zombie) still answers signal 0.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return true // no /proc: trust the signal
  }
}

function holderStaysAlive(pid: number): boolean {
  const sleeper = new Int32Array(new SharedArrayBuffer(4))
  const deadline = Date.now() + WAIT_FOR_HOLDER_MS
  while (isAlive(pid)) {
    if (Date.now() > deadline) return true
    Atomics.wait(sleeper, 0, 0, 100) // start-up only: nothing else runs yet
  }
  return false
}

/** Takes the lock or throws naming the process that holds it; returns its release. */
export function lockDatabase(dbFilePath: string): () => void {
  const path = `${dbFilePath}-updates.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      try { writeSync(fd, String(process.pid)) } finally { closeSync(fd) }
      return () => rmSync(path, { force: true })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const holder = Number(readFileSync(path, 'utf8').trim())
      if (holderStaysAlive(holder)) {
        throw new Error(`another Quorum server (pid ${holder}) is using ${dbFilePath}; stop it first, or remove ${path} if that process is not Quorum`)
      }
      rmSync(path, { force: true })
    }
  }
  throw new Error(`could not take the lock ${path}`)
}
