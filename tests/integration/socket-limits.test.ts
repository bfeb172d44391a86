// Sockets per user are capped (the 51st is refused at the upgrade with 429, others unaffected), and
// running out of file descriptors cannot make the process exit (issue #17, item 7). The second
// is a guard: libuv already survives EMFILE on accept (it sheds the connection), so it passed before too.
import { execFileSync } from 'node:child_process'
import { connect, type Socket } from 'node:net'
import WS from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SOCKET_LIMITS } from '../../server/sync/connection-limits'
import { workspaceWithDocument } from '../helpers/api'
import { openRawSocket, type RawSocket } from '../helpers/raw-socket'
import { startServer, type TestServer } from '../helpers/server'
import { sleep, waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

function upgradeStatus(baseUrl: string, documentId: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WS(`${baseUrl.replace('http', 'ws')}/api/sync/${documentId}`, { headers: { origin: baseUrl, cookie } })
    ws.on('unexpected-response', (_req, res) => {
      let body = ''
      res.on('data', (d) => (body += d))
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, body }); ws.terminate() })
    })
    ws.on('open', () => { ws.close(); resolve({ status: 101, body: '' }) })
    ws.on('error', reject)
  })
}

describe('sockets per user', () => {
  it(`refuses a user's socket number ${SOCKET_LIMITS.perUser + 1} with 429, leaves another user alone, and frees a slot on close`, async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url)
    const other = await addMember('Vic Viewer', 'viewer')
    const sockets: RawSocket[] = []
    for (let i = 0; i < SOCKET_LIMITS.perUser; i++) sockets.push(await openRawSocket(server.url, documentId, owner.cookie))
    const refused = await upgradeStatus(server.url, documentId, owner.cookie)
    expect(refused.status).toBe(429)
    expect(await upgradeStatus(server.url, documentId, owner.cookie).then((r) => r.status)).toBe(429)
    // Another user (same address) is unaffected, and the first user's sockets still work.
    const theirs = await openRawSocket(server.url, documentId, other.cookie)
    expect(sockets.every((s) => s.ws.readyState === WS.OPEN)).toBe(true)
    // Logged once, with the user id, however many were refused.
    await waitFor(() => server.output().includes('socket limit reached'))
    expect(server.output().split('socket limit reached').length - 1).toBe(1)
    expect(server.output()).toContain(owner.userId)

    sockets.pop()!.ws.close()
    await waitFor(async () => (await upgradeStatus(server.url, documentId, owner.cookie)).status === 101, { message: 'a slot is free again after a close' })
    for (const s of [...sockets, theirs]) s.ws.close()
  })
})

describe('running out of file descriptors', () => {
  it('does not make the process exit; it serves again once connections close', async () => {
    const small = await startServer()
    try {
      const { owner, documentId } = await workspaceWithDocument(small.url)
      execFileSync('prlimit', ['--pid', String(small.proc.pid), '--nofile=128:128'])
      // Plain TCP connections fill the table (accept fails with EMFILE); upgrades on top of that
      // make the server open files (the database) while none are left.
      const tcp: Socket[] = []
      for (let i = 0; i < 200; i++) {
        const s = connect(small.port, '127.0.0.1')
        s.on('error', () => {})
        tcp.push(s)
      }
      const upgrades = Array.from({ length: 20 }, () => upgradeStatus(small.url, documentId, owner.cookie).catch(() => ({ status: 0, body: '' })))
      await Promise.race([Promise.all(upgrades), sleep(3000)])
      await sleep(500)
      expect(small.proc.exitCode).toBeNull()
      expect(small.proc.signalCode).toBeNull()
      for (const s of tcp) s.destroy()
      await waitFor(async () => (await fetch(`${small.url}/api/health`)).status === 200, { message: 'health answers after the connections closed' })
      expect(small.proc.exitCode).toBeNull()
    } finally {
      await small.dispose()
    }
  })
})
