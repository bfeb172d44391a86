// What a board pack is built from: the versions saved when the meeting ended, never the live documents.
// For each kind the first agenda document of that kind with a saved version is used.
import { eq } from 'drizzle-orm'
import * as Y from 'yjs'
import { projectDocument } from '../../shared/documents'
import type { ProjectionByKind } from '../../shared/documents'
import type { AppDeps } from '../app-deps'
import { workspaces } from '../db/schema'
import { meetingDocumentRows, type Meeting } from '../meetings/end-meeting'
import type { BoardPackInput } from './board-pack-model'
import { summaryBlocksFromState } from './summary-blocks'

type PackKind = 'summary' | 'brief' | 'roadmap'

interface SavedDocument<K extends PackKind> {
  documentTitle: string
  version: number
  state: Uint8Array
  projection: ProjectionByKind[K]
}

/** The stored projection when it is one of this kind; otherwise projected again from the saved state. */
function projectionOf<K extends PackKind>(kind: K, stored: unknown, state: Uint8Array): ProjectionByKind[K] {
  if (typeof stored === 'object' && stored !== null && (stored as { kind?: unknown }).kind === kind) return stored as ProjectionByKind[K]
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return projectDocument(kind, doc)
  } finally {
    doc.destroy()
  }
}

export async function loadBoardPackInput(deps: AppDeps, meeting: Meeting & { endedAt: number }): Promise<BoardPackInput> {
  const [workspace] = await deps.db.select({ name: workspaces.name, fyStartMonth: workspaces.fiscalYearStartMonth }).from(workspaces).where(eq(workspaces.id, meeting.workspaceId))
  const latest = new Map<string, number>()
  for (const v of await deps.versions.forMeeting(meeting.id)) latest.set(v.documentId, Math.max(v.version, latest.get(v.documentId) ?? 0))
  const { agenda } = await meetingDocumentRows(deps, meeting)

  async function saved<K extends PackKind>(kind: K): Promise<SavedDocument<K> | null> {
    const document = agenda.find((d) => d.kind === kind && latest.has(d.id))
    if (!document) return null
    const version = latest.get(document.id) as number
    const row = await deps.versions.get(document.id, version)
    if (!row) return null
    return { documentTitle: document.title, version, state: row.state, projection: projectionOf(kind, JSON.parse(row.projectionJson), row.state) }
  }

  const [summary, brief, roadmap] = await Promise.all([saved('summary'), saved('brief'), saved('roadmap')])
  return {
    workspaceName: workspace?.name ?? '',
    fyStartMonth: workspace?.fyStartMonth,
    meeting: { title: meeting.title, cadence: meeting.cadence, startsAt: meeting.startsAt, endedAt: meeting.endedAt },
    summary: summary && {
      documentTitle: summary.documentTitle, version: summary.version, projection: summary.projection,
      blocks: summaryBlocksFromState(summary.state),
    },
    brief: brief && { documentTitle: brief.documentTitle, version: brief.version, projection: brief.projection },
    roadmap: roadmap && { documentTitle: roadmap.documentTitle, version: roadmap.version, projection: roadmap.projection },
  }
}
