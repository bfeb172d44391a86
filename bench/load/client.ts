// A lightweight sync client over a raw `ws` socket, identical for the three servers except the framing.
// decode mode: a full replica that applies every update and times the markers it carries.
// count mode: keeps only its own edits and stores received updates unapplied (checked after the run),
// so that 200 clients on 2 cores do not spend the load generator's CPU applying 200 replicas.
import WS from 'ws'
import * as Y from 'yjs'
import { editKey, forEachMarker, makeChunk, nowTicks, OwnChunks, randomBoundary, ticksToMs, type Random } from './markers'
import { FrameArena } from './arena'
import type { Codec } from './protocol'

export const REMOTE = Symbol('remote')

export interface ClientTarget { wsUrl: string; headers?: Record<string, string>; codec: Codec }

export class BenchClient {
  readonly doc = new Y.Doc()
  readonly text = this.doc.getText('bench')
  ws: WS | null = null
  synced = false
  sent = 0
  framesSent = 0
  framesReceived = 0
  lastFrameAt = 0
  /** count mode: frames received after the handshake, unparsed (checked after the run). */
  readonly stored = new FrameArena()
  /** The handshake is over once we have the server's state (step 2) and have answered its step 1. */
  private answeredStep1 = false
  /** decode mode: edits of other clients seen, and their latencies (ms). */
  readonly seen = new Set<number>()
  readonly latencies: number[] = []
  /** Several instances: which senders are connected to another instance than this client's… */
  otherInstance: ((sender: number) => boolean) | null = null
  /** …and the latencies of their edits (also in `latencies`). */
  readonly crossLatencies: number[] = []
  /** Edits with a lower seq (the warm-up) are counted as seen but not timed. */
  timedFromSeq = 0
  /** With BENCH_SAMPLES set: [sender, seq, sendTicks, receivedTicks] per timed edit, for tail analysis. */
  readonly samples: number[][] | null = process.env.BENCH_SAMPLES ? [] : null
  lastSeenAt = 0
  private chunks: OwnChunks
  private onSynced: (() => void) | null = null
  /** Connect timeline (ms after connect() started): socket open, sync step 2 received, applied. */
  readonly timeline = { openMs: NaN, step2Ms: NaN, syncedMs: NaN }
  private connectStart = 0
  get connectStartedAt(): number {
    return this.connectStart
  }
  /** While set, local updates are collected here instead of sent. */
  private capture: Uint8Array[] | null = null

  constructor(
    readonly index: number, readonly mode: 'decode' | 'count', private target: ClientTarget, private padTo = 32,
    private random: Random = Math.random,
  ) {
    this.chunks = new OwnChunks(random)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return
      const frame = this.target.codec.update(update)
      if (this.capture) this.capture.push(frame)
      else { this.framesSent++; this.ws?.send(frame) }
    })
  }

  connect(timeoutMs = 30_000): Promise<number> {
    const t0 = performance.now()
    this.connectStart = t0
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`client ${this.index}: not synced after ${timeoutMs} ms`)), timeoutMs)
      this.onSynced = () => {
        clearTimeout(timer)
        resolve(performance.now() - t0)
      }
      const ws = new WS(this.target.wsUrl, { headers: this.target.headers, perMessageDeflate: false })
      this.ws = ws
      ws.on('open', () => {
        this.timeline.openMs = performance.now() - t0
        for (const f of this.target.codec.hello(Y.encodeStateVector(this.doc))) ws.send(f)
      })
      ws.on('message', (data: Buffer) => this.receive(data))
      ws.on('error', (err) => { clearTimeout(timer); reject(err) })
      ws.on('unexpected-response', (_req, res) => { clearTimeout(timer); reject(new Error(`client ${this.index}: upgrade refused ${res.statusCode}`)) })
      ws.on('close', (code, reason) => {
        if (!this.synced) { clearTimeout(timer); reject(new Error(`client ${this.index}: closed ${code} ${reason}`)) }
      })
    })
  }

  private receive(data: Buffer): void {
    this.framesReceived++
    this.lastFrameAt = performance.now()
    if (this.mode === 'count' && this.synced && this.answeredStep1) {
      this.stored.push(data)
      return
    }
    const msg = this.target.codec.parse(data)
    switch (msg.t) {
      case 'step1':
        this.ws!.send(this.target.codec.step2(Y.encodeStateAsUpdate(this.doc, msg.stateVector)))
        this.answeredStep1 = true
        break
      case 'step2':
        if (!this.synced) this.timeline.step2Ms = performance.now() - this.connectStart
        Y.applyUpdate(this.doc, msg.update, REMOTE)
        if (!this.synced) {
          this.timeline.syncedMs = performance.now() - this.connectStart
          this.synced = true
          this.onSynced?.()
        }
        break
      case 'update':
        if (this.mode === 'count') { this.stored.push(data); break }
        Y.applyUpdate(this.doc, msg.update, REMOTE)
        this.timeMarkers(msg.update)
        break
      case 'ping':
        this.ws!.send(this.target.codec.pong())
        break
      case 'denied':
        throw new Error(`client ${this.index}: permission denied: ${msg.reason}`)
    }
  }

  private timeMarkers(update: Uint8Array): void {
    const now = nowTicks()
    forEachMarker(update, (client, seq, ticks) => {
      if (client === this.index) return
      const key = editKey(client, seq)
      if (this.seen.has(key)) return
      this.seen.add(key)
      if (seq < this.timedFromSeq) return
      this.latencies.push(ticksToMs(now - ticks))
      if (this.otherInstance?.(client)) this.crossLatencies.push(ticksToMs(now - ticks))
      this.samples?.push([client, seq, ticks, now])
      this.lastSeenAt = performance.now()
    })
  }

  /** One edit: a marker chunk inserted at a random chunk boundary, sent at once. */
  edit(): void {
    const chunk = makeChunk(this.index, this.sent++, this.padTo)
    const index = this.mode === 'decode' ? randomBoundary(this.text.toString(), this.random) : this.chunks.insertAtRandom(chunk.length)
    this.text.insert(index, chunk)
  }

  /** count mode: the update payloads among the stored frames. */
  *storedUpdates(): Generator<Uint8Array> {
    for (const f of this.stored.frames()) {
      const msg = this.target.codec.parse(f)
      if (msg.t === 'update' || msg.t === 'step2') yield msg.update
    }
  }

  /** Makes n edits locally and returns their frames, unsent (for the ingest burst). */
  prepareEdits(n: number): Uint8Array[] {
    this.capture = []
    for (let i = 0; i < n; i++) this.edit()
    const frames = this.capture
    this.capture = null
    return frames
  }

  close(): void {
    this.ws?.close()
    this.ws = null
  }

  destroy(): void {
    this.close()
    this.doc.destroy()
  }
}

/** The next clock of `client` in `doc` (0 if the doc has nothing of it). */
export function clockOf(doc: Y.Doc, client: number): number {
  const structs = doc.store.clients.get(client)
  if (!structs || structs.length === 0) return 0
  const last = structs[structs.length - 1]
  return last.id.clock + last.length
}
