// Is the page behind the document it shows? Pure bookkeeping over times (ms, one clock), so it
// can be unit-tested; useRenderLag feeds it from the Y.Doc, a frame callback and a timer.
//
// Two kinds of evidence, each a lower bound (it never claims "behind" without reason):
// - a remote update applied more than BEHIND_AFTER_MS ago has not been followed by a frame;
// - a remote update was applied while the probe timer was more than BEHIND_AFTER_MS overdue. The
//   browser runs tasks of one priority in the order they were queued, so a socket message handled
//   before an overdue timer was queued before the timer fell due: it waited at least that long.
//   This catches the backlog that never shows as "received but not rendered", because each
//   message is applied and rendered in one task, only far too late.

export const BEHIND_AFTER_MS = 1000

export class RenderLag {
  private oldestUnrendered: number | null = null
  private probeDueAt: number | null = null
  private lastLateUpdateAt = -Infinity

  /** A remote update was applied to the Y.Doc at `now`. */
  remoteUpdate(now: number): void {
    if (this.oldestUnrendered === null) this.oldestUnrendered = now
    if (this.probeDueAt !== null && now - this.probeDueAt > BEHIND_AFTER_MS) this.lastLateUpdateAt = now
  }

  /** A frame after the updates so far (everything applied before `now` is on screen). */
  rendered(): void {
    this.oldestUnrendered = null
  }

  probeScheduled(dueAt: number): void {
    this.probeDueAt = dueAt
  }

  probeRan(): void {
    this.probeDueAt = null
  }

  /** Forget everything (the tab was hidden: frames and timers are throttled there, not late). */
  reset(): void {
    this.oldestUnrendered = null
    this.probeDueAt = null
    this.lastLateUpdateAt = -Infinity
  }

  isBehind(now: number): boolean {
    if (this.oldestUnrendered !== null && now - this.oldestUnrendered > BEHIND_AFTER_MS) return true
    // Stays "behind" for a moment after the last late update, so the badge does not flicker.
    return now - this.lastLateUpdateAt < BEHIND_AFTER_MS
  }
}
