// Open inbox streams (GET /api/notifications/stream) of this process, by person: after a
// notification is written or read, each of that person's streams is told to refetch its count.
// With several instances, `relay` passes the change on through Redis (cluster/redis-fanout.ts),
// and changes heard from the others come in through `changedElsewhere`.
export type InboxListener = () => void

export class InboxHub {
  private listeners = new Map<string, Set<InboxListener>>()

  constructor(private relay: ((userIds: string[]) => void) | null = null) {}

  subscribe(userId: string, listener: InboxListener): () => void {
    const set = this.listeners.get(userId) ?? new Set()
    set.add(listener)
    this.listeners.set(userId, set)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.listeners.delete(userId)
    }
  }

  /** Something changed in these people's inboxes, here. */
  changed(userIds: string[]): void {
    this.changedElsewhere(userIds)
    if (userIds.length > 0) this.relay?.(userIds)
  }

  /** Something changed in these people's inboxes on another instance. */
  changedElsewhere(userIds: Iterable<string>): void {
    for (const userId of userIds) for (const listener of this.listeners.get(userId) ?? []) listener()
  }
}
