// Open inbox streams (GET /api/notifications/stream) of this process, by person: after a
// notification is written or read, each of that person's streams is told to refetch its count.
export type InboxListener = () => void

export class InboxHub {
  private listeners = new Map<string, Set<InboxListener>>()

  subscribe(userId: string, listener: InboxListener): () => void {
    const set = this.listeners.get(userId) ?? new Set()
    set.add(listener)
    this.listeners.set(userId, set)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.listeners.delete(userId)
    }
  }

  /** Something changed in these people's inboxes. */
  changed(userIds: Iterable<string>): void {
    for (const userId of userIds) for (const listener of this.listeners.get(userId) ?? []) listener()
  }
}
