// Errors that carry their HTTP status; the app's error handler turns them into `{ "error": message }`.
export class HttpError extends Error {
  constructor(readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 500 | 503, message: string, readonly headers: Record<string, string> = {}) {
    super(message)
  }
}

export const badRequest = (message: string) => new HttpError(400, message)
export const unauthenticated = (message = 'sign in required') => new HttpError(401, message)
export const forbidden = (message = 'forbidden') => new HttpError(403, message)
export const notFound = (message = 'not found') => new HttpError(404, message)
export const conflict = (message: string) => new HttpError(409, message)
