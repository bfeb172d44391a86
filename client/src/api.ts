// HTTP client for the Quorum API (docs/api.md). JSON in and out, same-origin cookies,
// and one error type carrying the HTTP status and the server's `error` message.
import type {
  ApiError,
  DocumentDto,
  DocumentWithAccessDto,
  MeDto,
  MemberDto,
  UserDto,
  WorkspaceDto,
} from '../../shared/api-types'
import type { DocumentKind } from '../../shared/document-kinds'
import type { Role } from '../../shared/roles'
import type { CompareDto, RestoreDto, SavedVersionDto, VersionProjectionDto, VersionRef, VersionSummaryDto } from './history/history-types'
import type {
  AgendaProposalItem,
  Cadence,
  DecisionItemInput,
  EndMeetingDto,
  MeetingAccessDto,
  MeetingDto,
  MeetingInput,
} from './meetings/meeting-types'

export class ApiRequestError extends Error {
  /** HTTP status; 0 when the server could not be reached at all. */
  readonly status: number
  /** Seconds from a Retry-After header (429), when the server sent one. */
  readonly retryAfterSeconds: number | null

  constructor(status: number, message: string, retryAfterSeconds: number | null = null) {
    super(message)
    this.name = 'ApiRequestError'
    this.status = status
    this.retryAfterSeconds = retryAfterSeconds
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

export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  { signal, quiet401 = false }: { signal?: AbortSignal; quiet401?: boolean } = {},
): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiRequestError(0, 'Cannot reach the server. Check your connection and try again.')
  }

  if (response.status === 204) return undefined as T

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
    const serverMessage = data && typeof (data as ApiError).error === 'string' ? (data as ApiError).error : null
    const error = new ApiRequestError(
      response.status,
      serverMessage ?? FALLBACK_MESSAGES[response.status] ?? `Request failed (${response.status}).`,
      parseRetryAfter(response.headers.get('Retry-After')),
    )
    if (response.status === 401 && !quiet401) unauthorizedListeners.forEach((listener) => listener())
    throw error
  }
  return data as T
}

const enc = encodeURIComponent

/** The API's endpoints, one function each. */
export const api = {
  signup: (input: { name: string; email: string; password: string }) =>
    apiRequest<{ user: UserDto }>('POST', '/api/auth/signup', input, { quiet401: true }),
  login: (input: { email: string; password: string }) =>
    apiRequest<{ user: UserDto }>('POST', '/api/auth/login', input, { quiet401: true }),
  logout: () => apiRequest<void>('POST', '/api/auth/logout', undefined, { quiet401: true }),
  me: (signal?: AbortSignal) => apiRequest<MeDto>('GET', '/api/me', undefined, { signal, quiet401: true }),

  listWorkspaces: () => apiRequest<{ workspaces: WorkspaceDto[] }>('GET', '/api/workspaces'),
  createWorkspace: (name: string) => apiRequest<WorkspaceDto>('POST', '/api/workspaces', { name }),
  updateWorkspace: (workspaceId: string, body: { fiscalYearStartMonth: number }) =>
    apiRequest<{ workspace: WorkspaceDto }>('PATCH', `/api/workspaces/${enc(workspaceId)}`, body),
  getWorkspace: (workspaceId: string, signal?: AbortSignal) =>
    apiRequest<{ workspace: WorkspaceDto; members: MemberDto[] }>('GET', `/api/workspaces/${enc(workspaceId)}`, undefined, { signal }),

  addMember: (workspaceId: string, input: { email: string; role: Role }) =>
    apiRequest<{ member: MemberDto }>('POST', `/api/workspaces/${enc(workspaceId)}/members`, input),
  changeMemberRole: (workspaceId: string, userId: string, role: Role) =>
    apiRequest<{ member: MemberDto }>('PATCH', `/api/workspaces/${enc(workspaceId)}/members/${enc(userId)}`, { role }),
  removeMember: (workspaceId: string, userId: string) =>
    apiRequest<void>('DELETE', `/api/workspaces/${enc(workspaceId)}/members/${enc(userId)}`),

  listDocuments: (workspaceId: string, archived: boolean, signal?: AbortSignal) =>
    apiRequest<{ documents: DocumentDto[] }>(
      'GET',
      `/api/workspaces/${enc(workspaceId)}/documents?archived=${archived ? 'true' : 'false'}`,
      undefined,
      { signal },
    ),
  createDocument: (workspaceId: string, input: { kind: DocumentKind; title: string }) =>
    apiRequest<DocumentDto>('POST', `/api/workspaces/${enc(workspaceId)}/documents`, input),
  getDocument: (documentId: string, options: { signal?: AbortSignal; quiet401?: boolean } = {}) =>
    apiRequest<DocumentWithAccessDto>('GET', `/api/documents/${enc(documentId)}`, undefined, options),
  updateDocument: (documentId: string, patch: { title?: string; archived?: boolean }) =>
    apiRequest<{ document: DocumentDto }>('PATCH', `/api/documents/${enc(documentId)}`, patch),

  // Versions (history, compare, restore)
  saveVersion: (documentId: string, label?: string) =>
    apiRequest<{ version: SavedVersionDto }>('POST', `/api/documents/${enc(documentId)}/versions`, label ? { label } : {}),
  listVersions: (documentId: string, signal?: AbortSignal) =>
    apiRequest<{ versions: VersionSummaryDto[] }>('GET', `/api/documents/${enc(documentId)}/versions`, undefined, { signal }),
  getVersion: (documentId: string, version: number, signal?: AbortSignal) =>
    apiRequest<VersionProjectionDto>('GET', `/api/documents/${enc(documentId)}/versions/${version}`, undefined, { signal }),
  /** The version's binary Yjs state, to rebuild it in a fresh Y.Doc. */
  getVersionState: (documentId: string, version: number, signal?: AbortSignal) =>
    apiBinary(`/api/documents/${enc(documentId)}/versions/${version}?format=yjs`, signal),
  compareVersions: (documentId: string, from: VersionRef, to: VersionRef, signal?: AbortSignal) =>
    apiRequest<CompareDto>('GET', `/api/documents/${enc(documentId)}/compare?from=${from}&to=${to}`, undefined, { signal }),
  restoreVersion: (documentId: string, version: number) =>
    apiRequest<RestoreDto>('POST', `/api/documents/${enc(documentId)}/restore`, { version }),

  // Meetings
  listMeetings: (workspaceId: string, signal?: AbortSignal) =>
    apiRequest<{ meetings: MeetingDto[] }>('GET', `/api/workspaces/${enc(workspaceId)}/meetings`, undefined, { signal }),
  createMeeting: (workspaceId: string, input: MeetingInput) =>
    apiRequest<MeetingDto>('POST', `/api/workspaces/${enc(workspaceId)}/meetings`, input),
  getMeeting: (meetingId: string, signal?: AbortSignal) =>
    apiRequest<MeetingAccessDto>('GET', `/api/meetings/${enc(meetingId)}`, undefined, { signal }),
  updateMeeting: (meetingId: string, patch: Partial<MeetingInput>) =>
    apiRequest<MeetingDto>('PATCH', `/api/meetings/${enc(meetingId)}`, patch),
  startMeeting: (meetingId: string) => apiRequest<MeetingDto>('POST', `/api/meetings/${enc(meetingId)}/start`, {}),
  endMeeting: (meetingId: string) => apiRequest<EndMeetingDto>('POST', `/api/meetings/${enc(meetingId)}/end`, {}),
  agendaProposal: (workspaceId: string, cadence: Cadence, startsAt: string | null, signal?: AbortSignal) =>
    apiRequest<{ items: AgendaProposalItem[] }>(
      'GET',
      `/api/workspaces/${enc(workspaceId)}/agenda-proposal?cadence=${enc(cadence)}${startsAt ? `&startsAt=${enc(startsAt)}` : ''}`,
      undefined,
      { signal },
    ),
  addDecisionItems: (meetingId: string, items: DecisionItemInput[]) =>
    apiRequest<{ added: number; documentId: string }>('POST', `/api/meetings/${enc(meetingId)}/decision-items`, { items }),
  boardPackUrl: (meetingId: string, format: 'pdf' | 'md') => `/api/meetings/${enc(meetingId)}/board-pack.${format}`,
}

/** GET of a binary body (application/octet-stream), with the same errors as apiRequest. */
async function apiBinary(path: string, signal?: AbortSignal): Promise<Uint8Array> {
  let response: Response
  try {
    response = await fetch(path, { credentials: 'same-origin', signal })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiRequestError(0, 'Cannot reach the server. Check your connection and try again.')
  }
  if (!response.ok) {
    let message: string | null = null
    try {
      const data = (await response.json()) as ApiError
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
