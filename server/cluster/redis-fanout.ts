// Several instances on one database: after an instance commits rows of a document (the commit is
// the durability point) and relays them to its own connections, it publishes them on the
// document's Redis channel; every other instance that has the document loaded applies them and
// relays them to its connections, and never stores or republishes them. Redis is only the fast
// path: a message that is lost (Redis restarted, an instance died between commit and publish)
// leaves a gap in the sequence numbers a room holds, or happens while the subscription is down,
// and the room reads the missing rows back from the database (RoomRegistry.catchUp). So Redis
// runs without persistence, and nothing waits on it.
// The same two connections carry presence (the document's channel; AwarenessRegistry keeps the
// other instances' states) and revocations (one control channel; sync/revocation.ts closes sockets).
import { Redis } from 'ioredis'
import * as Y from 'yjs'
import type { CommittedUpdate } from '../sync/commit-queue'
import type { Room } from '../sync/room'
import type { RoomFanout, RoomRegistry } from '../sync/room-registry'
import { closeRevoked, type Revocation } from '../sync/revocation'
import { contained } from '../sync/contained'
import {
  CONTROL_CHANNEL, INBOX_CHANNEL, decodeControl, decodeDocumentMessage, decodeInbox, documentChannel, documentOfChannel, encodeControl, encodeDocumentMessage, encodeInbox,
  type DocumentMessage,
} from './fanout-message'

/**
 * Messages from two instances can arrive in another order than their rows were numbered, which
 * leaves a gap for a moment (measured here: p99 3.4 ms between processes). One still open after
 * this long is read back from the database.
 */
export const GAP_REPAIR_AFTER_MS = 100
/**
 * Presence: each instance republishes the states of the people connected to it this often, and
 * drops the states of another instance not renewed for PRESENCE_EXPIRE_MS (it died, or lost Redis;
 * two refreshes missed): they disappear from everyone's list within about 17 s.
 */
export const PRESENCE_REFRESH_MS = 5000
export const PRESENCE_EXPIRE_MS = 12_000
/** Reconnect attempts after losing Redis: soon, so the copies converge soon after it returns. */
const reconnectDelay = (attempt: number) => Math.min(attempt * 50, 500)

interface Log {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export class RedisFanout implements RoomFanout {
  /** Publishing connection; a subscribed Redis connection cannot publish. */
  private pub: Redis
  private sub: Redis
  private rooms: RoomRegistry | null = null
  private onInbox: ((userIds: string[]) => void) | null = null
  /** Documents loaded here, so subscribed (again after a reconnect). */
  private documents = new Set<string>()
  private gapTimers = new Map<string, NodeJS.Timeout>()
  private sweep: NodeJS.Timeout | null = null
  private presenceTimer: NodeJS.Timeout | null = null
  /** The outage is logged once, not at every reconnect attempt. */
  private down = false
  readonly stats = { published: 0, publishFailures: 0, received: 0, dropped: 0, gapRepairs: 0, resubscribes: 0, revocationsReceived: 0 }

  /**
   * `sweepMs`: every loaded room also catches up this often, whatever Redis says: the backstop for a
   * loss that leaves no gap to notice (an instance that died between its commit and its publish with
   * no edit after it; a publish lost while this instance's subscription stayed up). One small read per room.
   */
  constructor(url: string, readonly instanceId: string, private log: Log, private sweepMs: number) {
    // No offline queue: while Redis is away a publish fails at once (the catch-up repairs it)
    // instead of piling up in memory; the subscriptions are renewed by us, then caught up.
    const options = { enableOfflineQueue: false, retryStrategy: reconnectDelay, maxRetriesPerRequest: 0 }
    this.pub = new Redis(url, { ...options, connectionName: `quorum-pub-${instanceId}` })
    this.sub = new Redis(url, { ...options, autoResubscribe: false, connectionName: `quorum-sub-${instanceId}` })
    for (const connection of [this.pub, this.sub]) connection.on('error', (err: Error) => this.lost(err))
    this.sub.on('ready', () => void this.resubscribe())
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message))
    log.info({ instanceId }, 'one of several instances: committed edits fan out through Redis')
  }

  /** The registry whose rooms receive what other instances publish (it is built with this fan-out). */
  serve(rooms: RoomRegistry): void {
    this.rooms = rooms
    this.sweep = setInterval(() => {
      for (const room of rooms.loadedRooms()) rooms.catchUp(room).catch(() => {})
    }, this.sweepMs)
    this.sweep.unref()
    this.presenceTimer = setInterval(() => {
      const now = Date.now()
      for (const room of rooms.loadedRooms()) {
        contained(this.log, `refreshing presence (${room.documentId})`, () => {
          const local = room.awareness.localSnapshot()
          if (local) this.presence(room, local)
          room.expireRemotePresence(now - PRESENCE_EXPIRE_MS)
        })()
      }
    }, PRESENCE_REFRESH_MS)
    this.presenceTimer.unref()
  }

  /** 'ready' when both connections are; otherwise the state of one that is not (ioredis's status names). */
  get redisStatus(): string {
    return this.sub.status !== 'ready' ? this.sub.status : this.pub.status
  }

  async subscribe(documentId: string): Promise<void> {
    this.documents.add(documentId)
    // Not connected: the load goes ahead; the reconnect subscribes it and catches it up.
    if (this.sub.status !== 'ready') return
    try {
      await this.sub.subscribe(documentChannel(documentId))
    } catch (err) {
      this.lost(err as Error)
    }
  }

  unsubscribe(documentId: string): void {
    this.documents.delete(documentId)
    this.clearGapTimer(documentId)
    if (this.sub.status === 'ready') this.sub.unsubscribe(documentChannel(documentId)).catch(() => {})
  }

  committed(room: Room, items: readonly CommittedUpdate[]): void {
    // The store numbers a batch's rows of one document consecutively, in this order.
    if (items.some((i) => i.reopen)) {
      this.publish(room, { kind: 'reopen', instanceId: this.instanceId, firstSeq: items[0].seq, count: items.length })
      this.watchGap(room)
      return
    }
    const update = items.length === 1 ? items[0].update : Y.mergeUpdates(items.map((i) => i.update))
    this.publish(room, { kind: 'rows', instanceId: this.instanceId, firstSeq: items[0].seq, count: items.length, update })
    this.watchGap(room)
  }

  /** The people connected here changed (or are republished): the others show them too. */
  presence(room: Room, update: Uint8Array): void {
    this.publish(room, { kind: 'presence', instanceId: this.instanceId, update })
  }

  /**
   * A notice about a document (comments changed) for its connections on the other instances, whether
   * or not the document is loaded here. Best effort: a lost one is made good by the page's refetch
   * on its next (re)sync.
   */
  notice(documentId: string, frame: Uint8Array): void {
    this.publishTo(documentId, { kind: 'notice', instanceId: this.instanceId, update: frame })
  }

  private publish(room: Room, m: DocumentMessage): void {
    this.publishTo(room.documentId, m)
  }

  private publishTo(documentId: string, m: DocumentMessage): void {
    const message = encodeDocumentMessage(m)
    this.pub.publish(documentChannel(documentId), Buffer.from(message.buffer, message.byteOffset, message.byteLength)).then(
      () => { this.stats.published++ },
      (err: Error) => { this.stats.publishFailures++; this.lost(err) },
    )
  }

  /** Other instances tell these people's open inbox streams (notifications/inbox-hub.ts). Best effort: a stream reconnects within 10 minutes and reads the count again. */
  publishInbox(userIds: string[]): void {
    if (userIds.length === 0) return
    this.pub.publish(INBOX_CHANNEL, encodeInbox({ instanceId: this.instanceId, userIds })).catch((err: Error) => {
      this.stats.publishFailures++
      this.lost(err)
    })
  }

  /** Where inbox changes heard from other instances go. */
  serveInbox(onChanged: (userIds: string[]) => void): void {
    this.onInbox = onChanged
  }

  private receiveInbox(bytes: Buffer): void {
    let m
    try {
      m = decodeInbox(bytes.toString())
    } catch {
      this.stats.dropped++
      return
    }
    if (m.instanceId !== this.instanceId) this.onInbox?.(m.userIds)
  }

  /** Another instance closes its sockets that this revocation covers (this one has closed its own). */
  publishRevocation(revocation: Revocation): void {
    this.pub.publish(CONTROL_CHANNEL, encodeControl({ instanceId: this.instanceId, revocation })).catch((err: Error) => {
      // Not lost for good: every instance re-checks its open sockets against the database (sync/access-recheck.ts).
      this.stats.publishFailures++
      this.lost(err)
    })
  }

  async close(): Promise<void> {
    if (this.sweep) clearInterval(this.sweep)
    if (this.presenceTimer) clearInterval(this.presenceTimer)
    for (const timer of this.gapTimers.values()) clearTimeout(timer)
    this.gapTimers.clear()
    this.pub.disconnect()
    this.sub.disconnect()
  }

  private receive(channel: string, bytes: Buffer): void {
    if (channel === CONTROL_CHANNEL) return this.receiveControl(bytes)
    if (channel === INBOX_CHANNEL) return this.receiveInbox(bytes)
    const documentId = documentOfChannel(channel)
    const room = documentId ? this.rooms?.loaded(documentId) : undefined
    // Not loaded (or still loading: the load catches up once the room exists).
    if (!room) return
    let m
    try {
      m = decodeDocumentMessage(bytes)
    } catch (err) {
      this.stats.dropped++
      this.log.warn({ documentId, err: (err as Error).message }, 'dropping a fan-out message that does not decode')
      return
    }
    if (m.instanceId === this.instanceId) return
    this.stats.received++
    if (m.kind === 'presence') {
      room.applyRemotePresence(m.update, Date.now())
      return
    }
    if (m.kind === 'notice') {
      room.broadcast(m.update, null)
      return
    }
    if (m.kind === 'reopen') {
      this.rooms?.reopen(room)
      return
    }
    room.applyRemote(m.firstSeq, m.count, m.update)
    this.watchGap(room)
  }

  private receiveControl(bytes: Buffer): void {
    let m
    try {
      m = decodeControl(bytes.toString())
    } catch (err) {
      this.stats.dropped++
      this.log.warn({ err: (err as Error).message }, 'dropping a control message that does not decode')
      return
    }
    if (m.instanceId === this.instanceId || !this.rooms) return
    this.stats.revocationsReceived++
    closeRevoked(this.rooms, m.revocation)
  }

  /** A gap still open a moment later is a lost message: read the rows back from the database. */
  private watchGap(room: Room): void {
    if (!room.hasGap || this.gapTimers.has(room.documentId)) return
    const timer = setTimeout(contained(this.log, `repairing a gap (${room.documentId})`, () => {
      this.gapTimers.delete(room.documentId)
      if (!room.hasGap || room.closed || !this.rooms) return
      this.stats.gapRepairs++
      this.rooms.catchUp(room).then(() => this.watchGap(room), () => {})
    }), GAP_REPAIR_AFTER_MS)
    timer.unref()
    this.gapTimers.set(room.documentId, timer)
  }

  private clearGapTimer(documentId: string): void {
    const timer = this.gapTimers.get(documentId)
    if (timer) clearTimeout(timer)
    this.gapTimers.delete(documentId)
  }

  /** (Re)connected: subscribe the control channel and every loaded document, then read what was committed while we could not hear it. */
  private async resubscribe(): Promise<void> {
    if (this.down) this.log.info({ instanceId: this.instanceId }, 'Redis is back: catching up loaded documents from the database')
    this.down = false
    const documents = [...this.documents]
    if (!this.rooms) return
    try {
      await this.sub.subscribe(CONTROL_CHANNEL, INBOX_CHANNEL, ...documents.map(documentChannel))
    } catch (err) {
      // Lost again at once: the next 'ready' tries again.
      this.lost(err as Error)
      return
    }
    this.stats.resubscribes++
    for (const id of documents) {
      const room = this.rooms.loaded(id)
      if (room) this.rooms.catchUp(room).catch(() => {})
    }
  }

  private lost(err: Error): void {
    if (this.down) return
    this.down = true
    this.log.warn({ instanceId: this.instanceId, err: err.message },
      'Redis unreachable: edits still commit and reach this instance\'s clients; other instances catch up from the database when it returns')
  }
}
