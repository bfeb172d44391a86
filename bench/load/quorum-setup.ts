// Quorum's clients are real users: sign up, create a workspace and documents, add the other users
// as editors. Clients share the sessions of up to MAX_USERS users (each user has several "tabs"),
// which keeps argon2 sign-ups out of the run time while every socket still carries cookie + Origin.
const MAX_USERS = 20

export interface QuorumSetup { documentIds: string[]; cookies: string[]; workspaceId: string }

export async function post(base: string, path: string, body: unknown, cookie = '', headers: Record<string, string> = {}): Promise<{ status: number; body: any; cookie: string }> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, ...(cookie ? { cookie } : {}), ...headers },
    body: JSON.stringify(body),
  })
  const set = res.headers.get('set-cookie')
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null, cookie: set ? set.split(';')[0] : cookie }
}

let emailCounter = 0
async function signUp(base: string, name: string): Promise<{ cookie: string; email: string }> {
  const n = emailCounter++
  const email = `bench-${process.pid}-${Date.now()}-${n}@example.test`
  // Sign-ups are budgeted per client address (10 an hour): each bench user comes from an address of
  // its own, which the server takes from X-Forwarded-For (TRUST_PROXY=true in servers/quorum.ts).
  const forwardedFor = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
  const res = await post(base, '/api/auth/signup', { name, email, password: 'bench password 123' }, '', { 'x-forwarded-for': forwardedFor })
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`)
  return { cookie: res.cookie, email }
}

async function inBatches<T>(n: number, size: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < n; i += size) out.push(...(await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, j) => fn(i + j)))))
  return out
}

export async function setupQuorum(base: string, documents: number, clients: number, kinds: readonly string[] = ['notes']): Promise<QuorumSetup> {
  const owner = await signUp(base, 'Bench Owner')
  const ws = await post(base, '/api/workspaces', { name: 'Bench' }, owner.cookie)
  if (ws.status !== 201) throw new Error(`workspace: ${ws.status} ${JSON.stringify(ws.body)}`)
  const documentIds = await inBatches(documents, 10, async (i) => {
    const d = await post(base, `/api/workspaces/${ws.body.id}/documents`, { kind: kinds[i % kinds.length], title: `Bench ${i}` }, owner.cookie)
    if (d.status !== 201) throw new Error(`document: ${d.status} ${JSON.stringify(d.body)}`)
    return d.body.id as string
  })
  const others = await inBatches(Math.min(clients, MAX_USERS) - 1, 1, (i) => signUp(base, `Bench Editor ${i}`))
  for (const u of others) {
    const m = await post(base, `/api/workspaces/${ws.body.id}/members`, { email: u.email, role: 'editor' }, owner.cookie)
    if (m.status !== 201) throw new Error(`member: ${m.status} ${JSON.stringify(m.body)}`)
  }
  return { documentIds, cookies: [owner.cookie, ...others.map((u) => u.cookie)], workspaceId: ws.body.id }
}

export async function quorumCommits(base: string): Promise<{ batches: number; updates: number; failures: number }> {
  return (await quorumHealth(base)).commits
}

/** GET /api/health, retried: a keep-alive socket closed by the server can reset one request. */
export async function quorumHealth(base: string): Promise<any> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await (await fetch(base + '/api/health')).json()
    } catch (err) {
      if (attempt >= 4) throw err
      await new Promise((r) => setTimeout(r, 20))
    }
  }
}
