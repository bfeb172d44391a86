// A writer's copy of each open document in this browser's IndexedDB (y-indexeddb), so edits made
// offline survive a closed or reloaded tab: the next visit loads them into the Y.Doc and the
// y-websocket handshake sends the server what it lacks.
//
// - One database per user and document, `quorum:<userId>:<documentId>`: on a shared browser one
//   account's cached edits never load into another account's page.
// - Every database of a user is deleted when they log out (the names are remembered in
//   localStorage, and `indexedDB.databases()` finds any the list missed). Unsent edits go with it:
//   logging out on a shared machine must leave no board material behind.
// - Viewers keep no copy (the caller decides): they cannot write, so there is nothing to save, and
//   board material should not outlive their session on a shared machine.
// - The copy only ever merges into the server's state (CRDT). A copy older than a server-side
//   restore is harmless: the restore's deletions apply to the cached content too; only edits that
//   were never sent come back, as they would from any offline client.
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb'
import type * as Y from 'yjs'

const DB_PREFIX = 'quorum:'
const registryKey = (userId: string) => `quorum:local-copies:${userId}`
const open = new Set<IndexeddbPersistence>()

export function localCopyName(userId: string, documentId: string): string {
  return `${DB_PREFIX}${userId}:${documentId}`
}

export interface LocalCopy {
  /** Resolves once the stored edits are in the Y.Doc and new ones are being written. */
  whenLoaded: Promise<unknown>
  close(): void
}

/** Starts keeping `ydoc` in IndexedDB; null where the browser has none. Close it on unmount. */
export function keepLocalCopy(userId: string, documentId: string, ydoc: Y.Doc): LocalCopy | null {
  if (typeof indexedDB === 'undefined') return null
  const name = localCopyName(userId, documentId)
  remember(userId, name)
  const persistence = new IndexeddbPersistence(name, ydoc)
  open.add(persistence)
  return {
    whenLoaded: persistence.whenSynced,
    close() {
      open.delete(persistence)
      void persistence.destroy()
    },
  }
}

/** Whether a Y.Doc change came from loading a local copy (it is stored already). */
export function isFromLocalCopy(origin: unknown): boolean {
  return origin instanceof IndexeddbPersistence
}

/**
 * Deletes this user's copy of one document (closed first, so deletion is not blocked): after a
 * restore removed content nested too deep to delete here (CloseCode.documentReplaced), the copy
 * would bring that content back into the fresh Y.Doc, and the server's deletion with it.
 */
export async function discardLocalCopy(userId: string, documentId: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return
  const name = localCopyName(userId, documentId)
  for (const persistence of [...open]) {
    if (persistence.name !== name) continue
    open.delete(persistence)
    await persistence.destroy()
  }
  await clearDocument(name).catch(() => {})
}

/** Deletes every local copy of this user's documents (at logout). Open copies are closed first so deletion is not blocked. */
export async function clearLocalCopies(userId: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return
  const prefix = `${DB_PREFIX}${userId}:`
  const closing: Promise<void>[] = []
  for (const persistence of open) {
    if (!persistence.name.startsWith(prefix)) continue
    open.delete(persistence)
    closing.push(persistence.destroy())
  }
  await Promise.all(closing)
  const names = new Set(remembered(userId))
  try {
    for (const db of (await indexedDB.databases?.()) ?? []) if (db.name?.startsWith(prefix)) names.add(db.name)
  } catch {
    // Older browsers: the remembered names are all we have.
  }
  await Promise.all([...names].map((name) => clearDocument(name).catch(() => {})))
  try {
    localStorage.removeItem(registryKey(userId))
  } catch {
    // Storage disabled: nothing was remembered either.
  }
}

function remembered(userId: string): string[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(registryKey(userId)) ?? '[]')
    return Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string') : []
  } catch {
    return []
  }
}

function remember(userId: string, name: string): void {
  const names = remembered(userId)
  if (names.includes(name)) return
  try {
    localStorage.setItem(registryKey(userId), JSON.stringify([...names, name]))
  } catch {
    // Storage full or disabled: indexedDB.databases() still finds the copy at logout.
  }
}
