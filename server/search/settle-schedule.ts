// Runs a job per key once that key's events settle: `quietMs` after the last event, and at the
// latest `maxWaitMs` after the first, so a key with events that never pause still runs. An event
// only stamps the time (no timer is re-armed per event): it is on the commit path.

interface Due { firstAt: number; lastAt: number; timer: NodeJS.Timeout }

export class SettleSchedule {
  private due = new Map<string, Due>()

  constructor(private quietMs: number, private maxWaitMs: number, private run: (key: string) => void) {}

  /** An event for `key`: its job runs once the events settle (one run for any number of events). */
  touch(key: string): void {
    const now = Date.now()
    const due = this.due.get(key)
    if (due) due.lastAt = now
    else this.due.set(key, { firstAt: now, lastAt: now, timer: this.wake(key, this.quietMs) })
  }

  close(): void {
    for (const due of this.due.values()) clearTimeout(due.timer)
    this.due.clear()
  }

  private wake(key: string, afterMs: number): NodeJS.Timeout {
    const timer = setTimeout(() => this.check(key), afterMs)
    timer.unref()
    return timer
  }

  private check(key: string): void {
    const due = this.due.get(key)
    if (!due) return
    const at = Math.min(due.lastAt + this.quietMs, due.firstAt + this.maxWaitMs)
    const now = Date.now()
    if (now < at) {
      due.timer = this.wake(key, at - now)
      return
    }
    this.due.delete(key)
    this.run(key)
  }
}
