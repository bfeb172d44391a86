// The latency side channel: every edit inserts "[clientIndex:seq:sendTime]" (+ padding) into the
// shared Y.Text. Inserts go only at chunk boundaries, so no chunk is ever split and each marker
// appears verbatim (ASCII) in the update bytes that carry it: receivers find it with a regex on
// the raw frame, without walking the document.

/** Send time in hundredths of a millisecond on this process's monotonic clock. */
export const nowTicks = () => Math.round(performance.now() * 100)
export const ticksToMs = (ticks: number) => ticks / 100

export function makeChunk(client: number, seq: number, padTo: number): string {
  const marker = `[${client}:${seq}:${nowTicks()}]`
  return marker.length >= padTo ? marker : marker + '.'.repeat(padTo - marker.length)
}

const MARKER = /\[(\d+):(\d+):(\d+)\]/g

/** Calls fn for every marker in the bytes (read as latin1; markers are ASCII). */
export function forEachMarker(bytes: Uint8Array, fn: (client: number, seq: number, ticks: number) => void): void {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  MARKER.lastIndex = 0
  for (let m = MARKER.exec(s); m; m = MARKER.exec(s)) fn(Number(m[1]), Number(m[2]), Number(m[3]))
}

export function forEachMarkerInText(text: string, fn: (client: number, seq: number) => void): void {
  MARKER.lastIndex = 0
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) fn(Number(m[1]), Number(m[2]))
}

/** A key for (client, seq) pairs in a Set. */
export const editKey = (client: number, seq: number) => client * 1_000_000 + seq

/** A source of uniform numbers in [0, 1): seeded in the latency runs, so every server gets the same workload. */
export type Random = () => number

/** A random chunk boundary of a text made of whole chunks: 0, or just after a chunk's padding. */
export function randomBoundary(text: string, random: Random = Math.random): number {
  if (text.length === 0) return 0
  const start = Math.floor(random() * (text.length + 1))
  if (start === 0) return 0
  const next = text.indexOf('[', start)
  return next === -1 ? text.length : next
}

/** Chunk lengths of a text only this client writes, for random boundaries without toString(). */
export class OwnChunks {
  private lengths: number[] = []
  constructor(private random: Random = Math.random) {}
  /** Picks a random boundary, records a chunk of `len` there, returns its character index. */
  insertAtRandom(len: number): number {
    const k = Math.floor(this.random() * (this.lengths.length + 1))
    let index = 0
    for (let i = 0; i < k; i++) index += this.lengths[i]
    this.lengths.splice(k, 0, len)
    return index
  }
}
