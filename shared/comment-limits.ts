// Sizes of a comment and of the words a text thread quotes. Zod-free so the comment box can use
// them without loading the API schemas.
export const COMMENT_MAX_CHARS = 10_000
export const TEXT_QUOTE_MAX_CHARS = 500
