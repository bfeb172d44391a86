// The longest search query. Zod-free so the search box (in every page's header) can use it
// without loading the API schemas.
export const SEARCH_QUERY_MAX_CHARS = 200
