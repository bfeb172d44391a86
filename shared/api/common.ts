// Shapes every endpoint shares: the error body, timestamps, ids, users and documents.
import { z } from 'zod'
import { DOCUMENT_KINDS } from '../document-kinds'

/** Every error answer: `{ "error": "message" }` with the HTTP status. */
export const ErrorBody = z.object({ error: z.string() }).meta({ id: 'Error' })
export type ErrorBody = z.infer<typeof ErrorBody>

/** An ISO 8601 timestamp in UTC, as every answer writes times. */
export const Timestamp = z.string().meta({ format: 'date-time', example: '2026-12-04T09:30:00.000Z' })

export const Id = z.string().min(1).max(64)

export const UserDto = z.object({ id: z.string(), name: z.string(), email: z.string() }).meta({ id: 'User' })
export type UserDto = z.infer<typeof UserDto>

export const DocumentDto = z.object({
  id: z.string(),
  workspaceId: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  archivedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
}).meta({ id: 'Document' })
export type DocumentDto = z.infer<typeof DocumentDto>
