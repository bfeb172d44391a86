// A tiny HTTP client for tests: keeps the session cookie and sends the app's Origin, like a browser.
import type { SmtpSink } from './smtp-sink'
import { waitFor } from './wait'
export interface ApiResponse<T = any> { status: number; body: T; headers: Headers }

export class ApiClient {
  cookie = ''
  constructor(readonly baseUrl: string, readonly origin = baseUrl) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        origin: this.origin,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const setCookie = res.headers.get('set-cookie')
    if (setCookie) {
      const pair = setCookie.split(';')[0]
      this.cookie = pair.endsWith('=') ? '' : pair
    }
    const text = await res.text()
    let parsed: any = text
    try { parsed = text ? JSON.parse(text) : null } catch { /* not JSON */ }
    return { status: res.status, body: parsed, headers: res.headers }
  }

  get = <T = any>(path: string) => this.request<T>('GET', path)
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {})
  patch = <T = any>(path: string, body: unknown) => this.request<T>('PATCH', path, body)
  delete = <T = any>(path: string) => this.request<T>('DELETE', path)
}

let counter = 0
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${process.pid}-${Date.now()}-${counter++}@example.test`
}

/** The link of the sign-up e-mail to `email` (a server with SMTP_URL), opened: the account exists and `api` is signed in. */
export async function confirmSignupFromMail(api: ApiClient, mailbox: SmtpSink, email: string): Promise<ApiResponse> {
  const mail = await waitFor(() => mailbox.mails.find((m) => m.to.includes(email) && m.text.includes('/confirm-signup?token=')), { message: `sign-up link to ${email}` })
  const token = /\/confirm-signup\?token=([a-z2-7]+)/.exec(mail.text)![1]
  return api.post('/api/auth/signup/confirm', { token })
}

/** Signs up a new user and returns a client holding their session. A server with SMTP_URL needs its `mailbox`. */
export async function signUp(baseUrl: string, name = 'Test User', mailbox?: SmtpSink): Promise<ApiClient & { userId: string; email: string }> {
  const api = new ApiClient(baseUrl) as ApiClient & { userId: string; email: string }
  const email = uniqueEmail(name.split(' ')[0].toLowerCase().replace(/[^a-z0-9]/g, '') || 'user')
  let res = await api.post('/api/auth/signup', { name, email, password: 'correct horse battery' })
  if (res.status === 202 && mailbox) res = await confirmSignupFromMail(api, mailbox, email)
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`)
  api.userId = res.body.user.id
  api.email = email
  return api
}

/** An owner with a workspace and a document, plus helpers to add members. */
export async function workspaceWithDocument(baseUrl: string, kind = 'notes', mailbox?: SmtpSink) {
  const owner = await signUp(baseUrl, 'Olivia Owner', mailbox)
  const ws = await owner.post('/api/workspaces', { name: 'Acme' })
  const doc = await owner.post(`/api/workspaces/${ws.body.id}/documents`, { kind, title: 'Doc' })
  const addMember = async (name: string, role: 'owner' | 'editor' | 'viewer') => {
    const member = await signUp(baseUrl, name, mailbox)
    const res = await owner.post(`/api/workspaces/${ws.body.id}/members`, { email: member.email, role })
    if (res.status !== 201) throw new Error(`add member failed: ${res.status}`)
    return member
  }
  return { owner, workspaceId: ws.body.id as string, documentId: doc.body.id as string, addMember }
}
