// Documents of a workspace: create from a kind's template, list, read, rename, archive.
import { z } from 'zod'
import { DOCUMENT_KINDS } from '../document-kinds'
import { ROLES } from '../roles'
import { DocumentDto, Id } from './common'

const title = z.string().trim().min(1, 'is required').max(200)

export const DocumentParams = z.object({ documentId: Id })
export const CreateDocumentBody = z.object({ kind: z.enum(DOCUMENT_KINDS), title })
export const PatchDocumentBody = z.object({ title: title.optional(), archived: z.boolean().optional() })
export const DocumentListQuery = z.object({
  archived: z.enum(['true', 'false'], { message: 'archived must be true or false' }).optional(),
})

export const DocumentListResponse = z.object({ documents: z.array(DocumentDto) })
export const DocumentResponse = z.object({ document: DocumentDto })
export const DocumentWithAccessResponse = z.object({ document: DocumentDto, role: z.enum(ROLES), canWrite: z.boolean() })
export type DocumentWithAccessDto = z.infer<typeof DocumentWithAccessResponse>
