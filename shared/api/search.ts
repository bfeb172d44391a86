// Workspace search: document titles, every record's fields, rich text and comments (server/search/).
import { z } from 'zod'
import { DOCUMENT_KINDS } from '../document-kinds'
import { SEARCH_QUERY_MAX_CHARS } from '../search-limits'

export const SearchQuery = z.object({
  q: z.string().trim()
    .min(1, 'must not be empty')
    .max(SEARCH_QUERY_MAX_CHARS, `must be at most ${SEARCH_QUERY_MAX_CHARS} characters`),
})

export const SearchResultDto = z.object({
  documentId: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  /** The document's title. */
  title: z.string(),
  /** The record the match is in (an initiative, a pillar, a vendor…); absent for the document as a whole. */
  recordId: z.string().optional(),
  /** The record's own title or name, when it has one. */
  recordTitle: z.string().optional(),
  /** 'document': the document's content; 'comment': a comment or reply on it. */
  source: z.enum(['document', 'comment']),
  /** Plain text around the match; `highlights` are [start, end) offsets into it of the matched words. */
  snippet: z.string(),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
}).meta({ id: 'SearchResult' })
export type SearchResultDto = z.infer<typeof SearchResultDto>

export const SearchResponse = z.object({ results: z.array(SearchResultDto) })
