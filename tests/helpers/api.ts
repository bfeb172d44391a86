// A tiny HTTP client for tests: keeps the session cookie and sends the app's Origin, like a browser.
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

/** Signs up a new user and returns a client holding their session. */
export async function signUp(baseUrl: string, name = 'Test User'): Promise<ApiClient & { userId: string; email: string }> {
  const api = new ApiClient(baseUrl) as ApiClient & { userId: string; email: string }
  const email = uniqueEmail(name.split(' ')[0].toLowerCase().replace(/[^a-z0-9]/g, '') || 'user')
  const res = await api.post('/api/auth/signup', { name, email, password: 'correct horse battery' })
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`)
  api.userId = res.body.user.id
  api.email = email
  return api
}

/** An owner with a workspace and a document, plus helpers to add members. */
export async function workspaceWithDocument(baseUrl: string, kind = 'notes') {
  const owner = await signUp(baseUrl, 'Olivia Owner')
  const ws = await owner.post('/api/workspaces', { name: 'Acme' })
  const doc = await owner.post(`/api/workspaces/${ws.body.id}/documents`, { kind, title: 'Doc' })
  const addMember = async (name: string, role: 'owner' | 'editor' | 'viewer') => {
    const member = await signUp(baseUrl, name)
    const res = await owner.post(`/api/workspaces/${ws.body.id}/members`, { email: member.email, role })
    if (res.status !== 201) throw new Error(`add member failed: ${res.status}`)
    return member
  }
  return { owner, workspaceId: ws.body.id as string, documentId: doc.body.id as string, addMember }
}
