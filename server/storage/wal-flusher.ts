// With WAL and synchronous=NORMAL, a committed transaction survives a crash of the process at once
// but reaches the disk only when the OS writes it back (or at the next checkpoint). This flushes the
// WAL file off the event loop (libuv's thread pool) every interval in which it changed, so a power
// loss can take at most the last interval of commits — the design of Postgres' synchronous_commit=off
// with its WAL writer. Clients that still hold such edits re-send them when they reconnect.
// The update journal (update-journal.ts), where edits commit first, is flushed in the same cycle,
// and its sealed segments are deleted once the WAL that holds their rows is on disk.
import { open, stat, type FileHandle } from 'node:fs/promises'
import type { UpdateJournal } from './update-journal'

export class WalFlusher {
  private handle: FileHandle | null = null
  private inode = 0n
  private lastSeen = ''
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  readonly stats = { flushes: 0, failures: 0 }

  constructor(
    private walPath: string,
    private intervalMs: number,
    private onError: (err: Error) => void = () => {},
    private journal: UpdateJournal | null = null,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => { this.running ??= this.flushIfChanged().finally(() => { this.running = null }) }, this.intervalMs)
    this.timer.unref()
  }

  /** Stops the timer and flushes what is left (the database stays open; closing it checkpoints). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running
    await this.flushIfChanged()
    await this.handle?.close()
    this.handle = null
  }

  /** fdatasync of the journal's open segment and of the WAL, each if it changed since its last flush. */
  async flushIfChanged(): Promise<void> {
    const mark = this.journal?.sealMark()
    try {
      await this.journal?.sync()
      await this.flushWal()
      if (mark !== undefined) this.journal!.walFlushed(mark)
    } catch (err) {
      this.stats.failures++
      this.onError(err as Error)
    }
  }

  private async flushWal(): Promise<void> {
    const now = await stat(this.walPath, { bigint: true }).catch(() => null)
    if (!now) return // no WAL yet: nothing committed since the last checkpoint
    const seen = `${now.ino}:${now.size}:${now.mtimeNs}`
    if (seen === this.lastSeen) return
    if (!this.handle || this.inode !== now.ino) {
      // SQLite recreates the WAL file when the last connection closed it; follow the new file.
      await this.handle?.close()
      this.handle = await open(this.walPath, 'r+')
      this.inode = now.ino
    }
    await this.handle.datasync()
    this.lastSeen = seen
    this.stats.flushes++
  }
}
