// Sends action items and decisions written in a meeting to the workspace's decision queue in one
// step: one server-made change to the decisions document, committed and relayed like any edit.
import { and, asc, eq, isNull } from 'drizzle-orm'
import * as Y from 'yjs'
import { addDecision } from '../../shared/documents/decisions'
import type { AppDeps } from '../app-deps'
import { documents } from '../db/schema'
import { liveRoom } from '../documents/live-document'
import { badRequest, conflict } from '../http/errors'

export interface NewDecisionItem { question: string; owner?: string; dueDate?: string }

/** The workspace's decision queue: its oldest decisions document that is not archived (409 if none). */
export async function decisionQueueDocument(deps: AppDeps, workspaceId: string) {
  const [queue] = await deps.db.select().from(documents)
    .where(and(eq(documents.workspaceId, workspaceId), eq(documents.kind, 'decisions'), isNull(documents.archivedAt)))
    .orderBy(asc(documents.createdAt)).limit(1)
  if (!queue) throw conflict('this workspace has no decision queue document; create one first')
  return queue
}

export async function sendToDecisionQueue(deps: AppDeps, workspaceId: string, items: NewDecisionItem[], today: string): Promise<{ documentId: string; added: number }> {
  const queue = await decisionQueueDocument(deps, workspaceId)
  const room = await liveRoom(deps, queue)
  const scratch = new Y.Doc()
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc))
  const updates: Uint8Array[] = []
  scratch.on('update', (u: Uint8Array) => updates.push(u))
  // All items or none: validate every one on the scratch copy before anything is submitted.
  scratch.transact(() => {
    items.forEach((item, i) => {
      const res = addDecision(scratch, { question: item.question, owner: item.owner ?? '', dueDate: item.dueDate ?? null, status: 'open', createdOn: today })
      if (!res.ok) throw badRequest(`items.${i}.${res.field ?? 'question'}: ${res.error}`)
    })
  })
  scratch.destroy()
  if (updates.length > 0) await room.submitServerChange(Y.mergeUpdates(updates))
  return { documentId: queue.id, added: items.length }
}
