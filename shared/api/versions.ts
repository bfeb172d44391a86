// Version history: save, list, read one, compare two (or one with the live document), restore.
import { z } from 'zod'
import { CADENCES } from '../cadences'
import { DOCUMENT_KINDS, type DocumentKind } from '../document-kinds'
import type { ComparisonByKind } from '../documents/compare'
import { CommentAnchor } from './comments'
import { Id, Timestamp } from './common'

export const VersionSummaryDto = z.object({
  documentId: z.string(),
  version: z.number().int(),
  meetingId: z.string().nullable(),
  label: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: Timestamp,
}).meta({ id: 'VersionSummary' })
export type SavedVersionDto = z.infer<typeof VersionSummaryDto>

/** The list adds the meeting a version was saved by, if any. */
export const VersionListItem = VersionSummaryDto.extend({
  meetingTitle: z.string().nullable(),
  meetingCadence: z.enum(CADENCES).nullable(),
  meetingStartsAt: Timestamp.nullable(),
})
export type VersionSummaryDto = z.infer<typeof VersionListItem>

/** A side of a comparison: a version number or "live". */
export type VersionRef = number | 'live'
const versionRef = (name: string) => z.union([
  z.literal('live'),
  z.coerce.number({ message: `${name} must be a version number or "live"` }).int(`${name} must be a version number or "live"`).positive(`${name} must be a version number or "live"`),
], { message: `${name} must be a version number or "live"` })

export const VersionParams = z.object({ documentId: Id, version: z.coerce.number({ message: 'version must be a number' }).int('version must be a number').positive('version must be a number') })
export const VersionQuery = z.object({ format: z.enum(['json', 'yjs']).optional() })
export const CompareQuery = z.object({ from: versionRef('from'), to: versionRef('to') })
export const SaveVersionBody = z.object({ label: z.string().trim().min(1, 'is required').max(200).optional() })
export const RestoreBody = z.object({ version: z.number().int().positive() })

/** A projection is the document as plain JSON; its shape per kind is in shared/documents/. */
const Projection = z.unknown().meta({ description: 'The document as plain JSON; shape per kind in shared/documents/' })

export const SavedVersionResponse = z.object({ version: VersionSummaryDto })
export const VersionListResponse = z.object({ versions: z.array(VersionListItem) })
/**
 * A thread as a version recorded it: open or resolved at that moment, with what it says now
 * (body, authorName and anchor are null if it has been deleted since).
 */
export const VersionThreadDto = z.object({
  id: z.string(),
  resolved: z.boolean(),
  body: z.string().nullable(),
  authorName: z.string().nullable(),
  anchor: CommentAnchor.nullable(),
}).meta({ id: 'VersionThread' })
export type VersionThreadDto = z.infer<typeof VersionThreadDto>

/** Threads between two sides of a comparison: resolved, newly opened, and reopened (state as of `to`). */
export const ThreadChangesDto = z.object({ resolved: z.array(VersionThreadDto), opened: z.array(VersionThreadDto), reopened: z.array(VersionThreadDto) })
  .meta({ id: 'ThreadChanges' })
export type ThreadChangesDto = z.infer<typeof ThreadChangesDto>

export const VersionThreadsResponse = z.object({ threads: z.array(VersionThreadDto).nullable() })

export const VersionProjectionResponse = z.object({
  version: VersionSummaryDto, kind: z.enum(DOCUMENT_KINDS), projection: Projection,
  /** The threads when it was saved; null on versions saved before threads were recorded. */
  threads: z.array(VersionThreadDto).nullable(),
})
export type VersionProjectionDto = z.infer<typeof VersionProjectionResponse>

const CompareSide = z.object({ version: z.union([z.number().int(), z.literal('live')]), label: z.string(), createdAt: Timestamp.optional() })
export const CompareResponse = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  from: CompareSide,
  to: CompareSide,
  comparison: z.custom<ComparisonByKind[DocumentKind]>().meta({ type: 'object', description: 'Shape per kind: shared/documents/compare.ts' }),
  /** null when either side is a version saved before threads were recorded. */
  threads: ThreadChangesDto.nullable(),
})
/** The answer of GET …/compare for a known kind. */
export type CompareDto<K extends DocumentKind = DocumentKind> = Omit<z.infer<typeof CompareResponse>, 'kind' | 'comparison'> & { kind: K; comparison: ComparisonByKind[K] }

export const RestoreResponse = z.object({ restoredFrom: z.number().int(), changed: z.boolean(), version: VersionSummaryDto })
export type RestoreDto = z.infer<typeof RestoreResponse>
