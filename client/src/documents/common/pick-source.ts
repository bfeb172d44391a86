// Which document of a workspace feeds a live block: the one named (if it still exists, is of the
// right kind and is not archived), else the first such document in the workspace's list.
import type { DocumentDto } from '../../../../shared/api'
import type { DocumentKind } from '../../../../shared/document-kinds'

export interface PickedSource {
  document: DocumentDto
  /** True when the named document was used, false for the fallback. */
  named: boolean
}

export function pickSourceDocument(
  documents: readonly DocumentDto[],
  kind: DocumentKind,
  preferredId: string | null | undefined,
): PickedSource | null {
  const usable = documents.filter((d) => d.kind === kind && !d.archivedAt)
  const named = preferredId ? usable.find((d) => d.id === preferredId) : undefined
  if (named) return { document: named, named: true }
  return usable[0] ? { document: usable[0], named: false } : null
}
