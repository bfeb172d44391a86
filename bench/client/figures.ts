// Turns what the remote editors sent and what the page recorded into the reported figures. Pure.
import { percentiles, round } from '../stats'
import type { PageRecord } from './page-probes'
import type { SentEdit } from './remote-editors'

export interface SizeFigures {
  initiatives: number
  coldLoadMs: number[]
  coldLoadMedianMs: number
  transfer: { jsKB: number; jsFiles: number; cssKB: number; cssFiles: number; encodings: Record<string, number> }
  edits: { sent: number; shown: number; superseded: number; lost: number }
  /** Owner edits to rows the windowed table did not render: no DOM to reach until scrolled to (see splitOffScreen). */
  offScreen: { sent: number; fields: number; shownWhenScrolled: number }
  editToDom: { p50: number | null; p95: number | null; max: number | null }
  keyPress: { presses: number; over16: number; p95: number | null; max: number | null }
  longTaskMsPerSecond: number
  longestTaskMs: number
  /** How the connection badge reported lag: seconds it said "Behind", and when it first did. */
  behindBadge: { shownSeconds: number; firstAfterMs: number | null }
}

/**
 * Past ~100 rows the table renders only the rows near its view (the page is not scrolled during the
 * load). An owner edit to a row it does not render is in no DOM until someone scrolls to it, so it
 * has no edit → DOM time; a title edit still shows at once on the timeline, which has every row.
 */
export function splitOffScreen(sent: SentEdit[], rendered: ReadonlySet<string>) {
  const off = (e: SentEdit) => e.field === 'owner' && !rendered.has(e.initiativeId)
  return { inDom: sent.filter((e) => !off(e)), offScreen: sent.filter(off) }
}

/** The marker of the newest edit of each (initiative, field). */
export function newestMarkers(sent: SentEdit[]): Map<string, number> {
  const newest = new Map<string, { marker: number; sentAt: number }>()
  for (const e of sent) {
    const key = `${e.initiativeId}/${e.field}`
    const seen = newest.get(key)
    if (!seen || e.sentAt >= seen.sentAt) newest.set(key, { marker: e.marker, sentAt: e.sentAt })
  }
  return new Map([...newest].map(([key, v]) => [key, v.marker]))
}

/**
 * Edit → DOM latency. An edit counts as shown when its own marker, or the marker of a later edit to
 * the same field of the same initiative (which replaced it before the page caught up), appeared.
 * An edit whose field never showed it or anything newer is lost.
 */
export function editLatencies(sent: SentEdit[], markers: Record<string, number>) {
  const byField = new Map<string, SentEdit[]>()
  for (const e of sent) {
    const key = `${e.initiativeId}/${e.field}`
    const list = byField.get(key) ?? []
    list.push(e)
    byField.set(key, list)
  }
  const latencies: number[] = []
  let superseded = 0
  let lost = 0
  for (const list of byField.values()) {
    list.sort((a, b) => a.sentAt - b.sentAt)
    for (let i = 0; i < list.length; i++) {
      let seenAt = markers[list[i].marker]
      if (seenAt === undefined) {
        const later = list.slice(i + 1).map((e) => markers[e.marker]).filter((t): t is number => t !== undefined)
        if (later.length === 0) { lost++; continue }
        seenAt = Math.min(...later)
        superseded++
      }
      latencies.push(Math.max(0, seenAt - list[i].sentAt))
    }
  }
  return { latencies, superseded, lost }
}

/**
 * Key-press durations (Event Timing, per interaction: the longest entry of one key's events).
 * The browser reports only entries of 16 ms and more, so a press it did not report counts as 0.
 */
export function keyPressDurations(record: PageRecord, presses: number, fromEpoch: number, toEpoch: number): number[] {
  const from = fromEpoch - record.timeOrigin
  const to = toEpoch - record.timeOrigin
  const byInteraction = new Map<number, number>()
  for (const e of record.events) {
    if (!e.interactionId || e.start < from || e.start > to || !e.name.startsWith('key')) continue
    byInteraction.set(e.interactionId, Math.max(byInteraction.get(e.interactionId) ?? 0, e.duration))
  }
  const reported = [...byInteraction.values()]
  // Other interactions may land in the window (a stray keyup): never count fewer presses than reported.
  return [...reported, ...new Array(Math.max(0, presses - reported.length)).fill(0)]
}

export function longTaskFigures(record: PageRecord, fromEpoch: number, toEpoch: number) {
  const from = fromEpoch - record.timeOrigin
  const to = toEpoch - record.timeOrigin
  let total = 0
  let longest = 0
  for (const t of record.longTasks) {
    // The part of each task inside the window.
    const inside = Math.min(to, t.start + t.duration) - Math.max(from, t.start)
    if (inside <= 0) continue
    total += inside
    longest = Math.max(longest, t.duration)
  }
  return { msPerSecond: total / ((to - from) / 1000), longest }
}

export function summarise(values: number[]) {
  if (values.length === 0) return { p50: null, p95: null, max: null }
  const p = percentiles(values)
  return { p50: round(p.p50, 1), p95: round(p.p95, 1), max: round(p.max, 1) }
}

/** Seconds the badge said "Behind" between `from` and `to` (epoch ms), and when it first did after `from`. */
export function behindFigures(record: PageRecord, fromEpoch: number, toEpoch: number) {
  let shown = 0
  let first: number | null = null
  let since: number | null = null
  for (const { at, behind } of record.badge) {
    if (behind && since === null) since = at
    if (!behind && since !== null) {
      shown += Math.max(0, Math.min(at, toEpoch) - Math.max(since, fromEpoch))
      since = null
    }
    if (behind && first === null && at >= fromEpoch) first = at - fromEpoch
  }
  if (since !== null) shown += Math.max(0, toEpoch - Math.max(since, fromEpoch))
  return { shownSeconds: Math.round(shown / 100) / 10, firstAfterMs: first === null ? null : Math.round(first) }
}
