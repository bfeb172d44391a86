// HTTP client for the Quorum API. Paths, bodies and answers are typed from the server's route
// declarations (server/routes/api.ts, schemas in shared/api/) through Hono's `hc`, so a field
// renamed on the server fails this file's type check. Same-origin cookies, and one error type
// carrying the HTTP status and the server's `error` message.
import { hc, type ClientResponse } from 'hono/client'
import type { SuccessStatusCode } from 'hono/utils/http-status'
import type { ActionInput, ActionPatch, CommentAnchor, DecisionInput, DecisionItemInput, ErrorBody, MeetingInput, VersionRef } from '../../shared/api'
import type { DocumentKind } from '../../shared/document-kinds'
import type { Cadence } from '../../shared/cadences'
import type { Role } from '../../shared/roles'
import type { ApiRoutes } from '../../server/routes/api'

export class ApiRequestError extends Error {
  /** HTTP status; 0 when the server could not be reached at all. */
  readonly status: number
  /** Seconds from a Retry-After header (429), when the server sent one. */
  readonly retryAfterSeconds: number | null
  /** A login refused for want of a two-factor code (401 `{totpRequired: true}`). */
  readonly totpRequired: boolean

  constructor(status: number, message: string, retryAfterSeconds: number | null = null, totpRequired = false) {
    super(message)
    this.name = 'ApiRequestError'
    this.status = status
    this.retryAfterSeconds = retryAfterSeconds
    this.totpRequired = totpRequired
  }
}

type UnauthorizedListener = () => void
const unauthorizedListeners = new Set<UnauthorizedListener>()

/** Called whenever a request (other than login/signup) is answered 401: the session is gone. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener)
  return () => unauthorizedListeners.delete(listener)
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds))
  const date = Date.parse(header)
  if (Number.isNaN(date)) return null
  return Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'You are not signed in.',
  403: 'You do not have access to this.',
  404: 'Not found.',
  409: 'That conflicts with the current state.',
  429: 'Too many attempts, try again later.',
}

/** The JSON body of a route's success answer (a route that may also answer a file, like a version's Yjs state, is read as JSON here). */
type Success<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatusCode ? Exclude<T, Response> : never) : never

type CallOptions = { quiet401?: boolean }

/** Awaits a request made with `client`, turning a failure into ApiRequestError and a 204 into undefined. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any response format
async function call<R extends ClientResponse<unknown, number, any>>(request: Promise<R>, { quiet401 = false }: CallOptions = {}): Promise<Success<R>> {
  let response: R
  try {
    response = await request
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiRequestError(0, 'Cannot reach the server. Check your connection and try again.')
  }
  if (response.status === 204) return undefined as Success<R>
  const text = await response.text()
  let data: unknown = null
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = null
    }
  }
  if (!response.ok) {
    const serverMessage = data && typeof (data as ErrorBody).error === 'string' ? (data as ErrorBody).error : null
    const error = new ApiRequestError(
      response.status,
      serverMessage ?? FALLBACK_MESSAGES[response.status] ?? `Request failed (${response.status}).`,
      parseRetryAfter(response.headers.get('Retry-After')),
      (data as { totpRequired?: unknown } | null)?.totpRequired === true,
    )
    if (response.status === 401 && !quiet401) unauthorizedListeners.forEach((listener) => listener())
    throw error
  }
  return data as Success<R>
}

// hc builds URLs with `new URL`, which needs an absolute base; requests stay same-origin.
const origin = typeof location === 'undefined' ? 'http://localhost' : location.origin
const client = hc<ApiRoutes>(`${origin}/api`, { init: { credentials: 'same-origin' } })
const withSignal = (signal?: AbortSignal) => ({ init: { credentials: 'same-origin' as const, signal } })

/** The API's endpoints, one function each. */
export const api = {
  /** `{user}`: signed in; with SMTP_URL on the server, `{status: 'confirmation-sent'}`: the link is in the inbox. */
  signup: (input: { name: string; email: string; password: string; next?: string }) =>
    call(client.auth.signup.$post({ json: input }), { quiet401: true }),
  confirmSignup: (token: string) => call(client.auth.signup.confirm.$post({ json: { token } }), { quiet401: true }),
  login: (input: { email: string; password: string; code?: string; recoveryCode?: string }) =>
    call(client.auth.login.$post({ json: input }), { quiet401: true }),
  requestPasswordReset: (email: string) => call(client.auth['password-reset'].$post({ json: { email } }), { quiet401: true }),
  confirmPasswordReset: (input: { token: string; password: string }) =>
    call(client.auth['password-reset'].confirm.$post({ json: input }), { quiet401: true }),
  logout: () => call(client.auth.logout.$post(), { quiet401: true }),
  me: (signal?: AbortSignal) => call(client.me.$get(undefined, withSignal(signal)), { quiet401: true }),
  listSessions: () => call(client.me.sessions.$get()),
  endSession: (sessionId: string) => call(client.me.sessions[':sessionId'].$delete({ param: { sessionId } })),
  startTotp: () => call(client.me.totp.$post()),
  confirmTotp: (code: string) => call(client.me.totp.confirm.$post({ json: { code } })),
  disableTotp: (code: string) => call(client.me.totp.$delete({ json: { code } })),
  changePassword: (input: { currentPassword: string; newPassword: string }) => call(client.me.password.$post({ json: input })),

  listWorkspaces: () => call(client.workspaces.$get()),
  createWorkspace: (name: string) => call(client.workspaces.$post({ json: { name } })),
  updateWorkspace: (workspaceId: string, body: { fiscalYearStartMonth?: number; requireTwoFactor?: boolean }) =>
    call(client.workspaces[':workspaceId'].$patch({ param: { workspaceId }, json: body })),
  getWorkspace: (workspaceId: string, signal?: AbortSignal) =>
    call(client.workspaces[':workspaceId'].$get({ param: { workspaceId } }, withSignal(signal))),

  addMember: (workspaceId: string, input: { email: string; role: Role }) =>
    call(client.workspaces[':workspaceId'].members.$post({ param: { workspaceId }, json: input })),
  changeMemberRole: (workspaceId: string, userId: string, role: Role) =>
    call(client.workspaces[':workspaceId'].members[':userId'].$patch({ param: { workspaceId, userId }, json: { role } })),
  removeMember: (workspaceId: string, userId: string) =>
    call(client.workspaces[':workspaceId'].members[':userId'].$delete({ param: { workspaceId, userId } })),

  createInvitation: (workspaceId: string, input: { email: string; role: Role }) =>
    call(client.workspaces[':workspaceId'].invitations.$post({ param: { workspaceId }, json: input })),
  listInvitations: (workspaceId: string) => call(client.workspaces[':workspaceId'].invitations.$get({ param: { workspaceId } })),
  revokeInvitation: (workspaceId: string, invitationId: string) =>
    call(client.workspaces[':workspaceId'].invitations[':invitationId'].$delete({ param: { workspaceId, invitationId } })),
  renewInvitationLink: (workspaceId: string, invitationId: string) =>
    call(client.workspaces[':workspaceId'].invitations[':invitationId'].link.$post({ param: { workspaceId, invitationId } })),
  acceptInvitation: (token: string) => call(client.invitations.accept.$post({ json: { token } }), { quiet401: true }),

  listDocuments: (workspaceId: string, archived: boolean, signal?: AbortSignal) =>
    call(client.workspaces[':workspaceId'].documents.$get({ param: { workspaceId }, query: { archived: archived ? 'true' : 'false' } }, withSignal(signal))),
  createDocument: (workspaceId: string, input: { kind: DocumentKind; title: string }) =>
    call(client.workspaces[':workspaceId'].documents.$post({ param: { workspaceId }, json: input })),
  getDocument: (documentId: string, options: { signal?: AbortSignal; quiet401?: boolean } = {}) =>
    call(client.documents[':documentId'].$get({ param: { documentId } }, withSignal(options.signal)), options),
  updateDocument: (documentId: string, patch: { title?: string; archived?: boolean }) =>
    call(client.documents[':documentId'].$patch({ param: { documentId }, json: patch })),

  // Comments (threads on a document; every member, viewers included)
  listComments: (documentId: string, signal?: AbortSignal) =>
    call(client.documents[':documentId'].comments.$get({ param: { documentId } }, withSignal(signal))),
  createComment: (documentId: string, input: { body: string; anchor: CommentAnchor; mentions?: string[] }) =>
    call(client.documents[':documentId'].comments.$post({ param: { documentId }, json: input })),
  replyToComment: (commentId: string, body: string, mentions?: string[]) =>
    call(client.comments[':commentId'].replies.$post({ param: { commentId }, json: { body, mentions } })),
  updateComment: (commentId: string, patch: { body?: string; resolved?: boolean }) =>
    call(client.comments[':commentId'].$patch({ param: { commentId }, json: patch })),
  deleteComment: (commentId: string) =>
    call(client.comments[':commentId'].$delete({ param: { commentId } })),

  // Notifications (mentions, replies to your threads, new threads on documents you follow)
  listNotifications: () => call(client.notifications.$get()),
  markNotificationsRead: (ids?: string[]) => call(client.notifications.read.$post({ json: ids ? { ids } : {} })),
  isFollowing: (documentId: string) => call(client.documents[':documentId'].follow.$get({ param: { documentId } })),
  setFollowing: (documentId: string, following: boolean) => following
    ? call(client.documents[':documentId'].follow.$post({ param: { documentId } }))
    : call(client.documents[':documentId'].follow.$delete({ param: { documentId } })),

  // Versions (history, compare, restore)
  saveVersion: (documentId: string, label?: string) =>
    call(client.documents[':documentId'].versions.$post({ param: { documentId }, json: label ? { label } : {} })),
  listVersions: (documentId: string, signal?: AbortSignal) =>
    call(client.documents[':documentId'].versions.$get({ param: { documentId } }, withSignal(signal))),
  getVersion: (documentId: string, version: number, signal?: AbortSignal) =>
    call(client.documents[':documentId'].versions[':version'].$get({ param: { documentId, version: String(version) }, query: {} }, withSignal(signal))),
  getVersionThreads: (documentId: string, version: number, signal?: AbortSignal) =>
    call(client.documents[':documentId'].versions[':version'].threads.$get({ param: { documentId, version: String(version) } }, withSignal(signal))),
  /** The version's binary Yjs state, to rebuild it in a fresh Y.Doc. */
  getVersionState: (documentId: string, version: number, signal?: AbortSignal) =>
    apiBinary(client.documents[':documentId'].versions[':version'].$url({ param: { documentId, version: String(version) }, query: { format: 'yjs' } }), signal),
  compareVersions: (documentId: string, from: VersionRef, to: VersionRef, signal?: AbortSignal) =>
    call(client.documents[':documentId'].compare.$get({ param: { documentId }, query: { from: String(from), to: String(to) } }, withSignal(signal))),
  restoreVersion: (documentId: string, version: number) =>
    call(client.documents[':documentId'].restore.$post({ param: { documentId }, json: { version } })),

  // Meetings
  listMeetings: (workspaceId: string, signal?: AbortSignal) =>
    call(client.workspaces[':workspaceId'].meetings.$get({ param: { workspaceId } }, withSignal(signal))),
  createMeeting: (workspaceId: string, input: MeetingInput) =>
    call(client.workspaces[':workspaceId'].meetings.$post({ param: { workspaceId }, json: input })),
  getMeeting: (meetingId: string, signal?: AbortSignal) =>
    call(client.meetings[':meetingId'].$get({ param: { meetingId } }, withSignal(signal))),
  updateMeeting: (meetingId: string, patch: Partial<MeetingInput>) =>
    call(client.meetings[':meetingId'].$patch({ param: { meetingId }, json: patch })),
  startMeeting: (meetingId: string) => call(client.meetings[':meetingId'].start.$post({ param: { meetingId } })),
  endMeeting: (meetingId: string) => call(client.meetings[':meetingId'].end.$post({ param: { meetingId } })),
  agendaProposal: (workspaceId: string, cadence: Cadence, startsAt: string | null, signal?: AbortSignal) =>
    call(client.workspaces[':workspaceId']['agenda-proposal'].$get({ param: { workspaceId }, query: { cadence, ...(startsAt ? { startsAt } : {}) } }, withSignal(signal))),
  addDecisionItems: (meetingId: string, items: DecisionItemInput[]) =>
    call(client.meetings[':meetingId']['decision-items'].$post({ param: { meetingId }, json: { items } })),
  recordDecision: (meetingId: string, input: DecisionInput) =>
    call(client.meetings[':meetingId'].decisions.$post({ param: { meetingId }, json: input })),
  approveMinutes: (meetingId: string) => call(client.meetings[':meetingId'].minutes.approve.$post({ param: { meetingId } })),

  // Action items
  createAction: (meetingId: string, input: ActionInput) =>
    call(client.meetings[':meetingId'].actions.$post({ param: { meetingId }, json: input })),
  listMeetingActions: (meetingId: string, signal?: AbortSignal) =>
    call(client.meetings[':meetingId'].actions.$get({ param: { meetingId } }, withSignal(signal))),
  listWorkspaceActions: (workspaceId: string, status: 'open' | 'done' | 'all', signal?: AbortSignal) =>
    call(client.workspaces[':workspaceId'].actions.$get({ param: { workspaceId }, query: { status } }, withSignal(signal))),
  updateAction: (actionId: string, patch: ActionPatch) =>
    call(client.actions[':actionId'].$patch({ param: { actionId }, json: patch })),
  search: (workspaceId: string, q: string, signal?: AbortSignal) =>
    call(client.workspaces[':workspaceId'].search.$get({ param: { workspaceId }, query: { q } }, withSignal(signal))),
  readAudit: (workspaceId: string, before: number | null, signal?: AbortSignal) =>
    call(client.workspaces[':workspaceId'].audit.$get({ param: { workspaceId }, query: { limit: '100', ...(before !== null ? { before: String(before) } : {}) } }, withSignal(signal))),
  meetingCalendarUrl: (meetingId: string) => client.meetings[':meetingId']['calendar.ics'].$url({ param: { meetingId } }).pathname,
  documentPdfUrl: (documentId: string) => client.documents[':documentId']['export.pdf'].$url({ param: { documentId } }).pathname,
  boardPackUrl: (meetingId: string, format: 'pdf' | 'md') =>
    (format === 'pdf' ? client.meetings[':meetingId']['board-pack.pdf'] : client.meetings[':meetingId']['board-pack.md']).$url({ param: { meetingId } }).pathname,
}

/** GET of a binary body (application/octet-stream), with the same errors as apiRequest. */
async function apiBinary(url: URL, signal?: AbortSignal): Promise<Uint8Array> {
  let response: Response
  try {
    response = await fetch(url.pathname + url.search, { credentials: 'same-origin', signal })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiRequestError(0, 'Cannot reach the server. Check your connection and try again.')
  }
  if (!response.ok) {
    let message: string | null = null
    try {
      const data = (await response.json()) as ErrorBody
      if (typeof data.error === 'string') message = data.error
    } catch {
      message = null
    }
    if (response.status === 401) unauthorizedListeners.forEach((listener) => listener())
    throw new ApiRequestError(response.status, message ?? FALLBACK_MESSAGES[response.status] ?? `Request failed (${response.status}).`)
  }
  return new Uint8Array(await response.arrayBuffer())
}

/** A message fit to show next to a form, for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 429) {
      return error.retryAfterSeconds != null
        ? `Too many attempts, try again in ${error.retryAfterSeconds} s`
        : 'Too many attempts, try again later.'
    }
    return error.message
  }
  if (error instanceof Error) return error.message
  return 'Something went wrong.'
}
