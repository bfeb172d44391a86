// JSON shapes of the version-history endpoints (GET/POST /api/documents/:id/versions, compare, restore).
import type { DocumentKind } from '../../../shared/document-kinds'
import type { ComparisonByKind } from '../../../shared/documents/compare'
import type { Cadence } from '../meetings/meeting-types'

export interface VersionSummaryDto {
  documentId?: string
  version: number
  label: string
  meetingId: string | null
  meetingTitle: string | null
  meetingCadence: Cadence | null
  meetingStartsAt: string | null
  authorName: string | null
  createdAt: string
}

export interface SavedVersionDto {
  documentId: string
  version: number
  label: string
  authorName: string | null
  createdAt: string
}

export interface VersionProjectionDto {
  version: SavedVersionDto
  kind: DocumentKind
  projection: unknown
}

/** A side of a comparison: a version number or "live". */
export type VersionRef = number | 'live'

export interface CompareDto<K extends DocumentKind = DocumentKind> {
  kind: K
  from: { version: VersionRef; label: string }
  to: { version: VersionRef; label: string }
  comparison: ComparisonByKind[K]
}

export interface RestoreDto {
  restoredFrom: number
  changed: boolean
  version: SavedVersionDto
}
