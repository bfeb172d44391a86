// "Changed since the last board meeting": loads the newest version saved by a board meeting and
// compares its projection with the live document at most once per BASELINE_SETTLE_MS while edits
// arrive (projecting and comparing a 500-row roadmap took ~17 ms: too much for every remote edit).
// Null when there is no such version (or while loading, or when disabled): callers show no badges.
import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import type { DocumentKind } from '../../../../shared/document-kinds'
import { projectDocument } from '../../../../shared/documents'
import { api } from '../../api'
import { changedSince, pickBoardVersion, type ChangedSince, type VersionListItem } from './board-baseline'
import { useSettledDocVersion } from './useDocumentSnapshot'

export interface BoardBaseline extends ChangedSince {
  /** e.g. "Q3 2026 board meeting". */
  label: string
  createdAt: string
  version: number
}

interface Loaded {
  version: VersionListItem
  projection: unknown
}

const BASELINE_SETTLE_MS = 1000

export function useBoardBaseline(documentId: string | undefined, kind: DocumentKind, ydoc: Y.Doc, enabled = true): BoardBaseline | null {
  const [loaded, setLoaded] = useState<Loaded | null>(null)

  useEffect(() => {
    setLoaded(null)
    if (!documentId || !enabled) return
    const controller = new AbortController()
    const signal = controller.signal
    ;(async () => {
      const { versions } = await api.listVersions(documentId, signal)
      const board = pickBoardVersion(versions)
      if (!board) return
      const { projection } = await api.getVersion(documentId, board.version, signal)
      if (!signal.aborted) setLoaded({ version: board, projection })
    })().catch(() => {
      // No baseline is a fine state: the badges are a hint, not a feature to fail loudly.
    })
    return () => controller.abort()
  }, [documentId, enabled])

  const settled = useSettledDocVersion(ydoc, BASELINE_SETTLE_MS)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `settled` is the document's (settled) version
  const live = useMemo(() => (loaded ? projectDocument(kind, ydoc) : null), [loaded, kind, ydoc, settled])

  return useMemo(() => {
    if (!loaded || !live) return null
    return {
      ...changedSince(kind, loaded.projection, live),
      label: loaded.version.label,
      createdAt: loaded.version.createdAt,
      version: loaded.version.version,
    }
  }, [loaded, live, kind])
}

/** One badge object per baseline for every changed row, so an unchanged memoised row's props stay identical. */
export function useBaselineBadge(baseline: BoardBaseline | null): Pick<BoardBaseline, 'label' | 'createdAt'> | null {
  const label = baseline?.label
  const createdAt = baseline?.createdAt
  return useMemo(() => (label !== undefined && createdAt !== undefined ? { label, createdAt } : null), [label, createdAt])
}
