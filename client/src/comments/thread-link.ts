// A link that opens a document scrolled to one of its threads (used by the notification inbox).
export const THREAD_PARAM = 'thread'
export const threadElementId = (commentId: string) => `thread-${commentId}`
export const threadLink = (documentId: string, commentId: string) => `/d/${documentId}?${THREAD_PARAM}=${encodeURIComponent(commentId)}`
