// Invitations: an owner invites an address with a role; the person signs up with it and accepts;
// the link works once, expires, can be revoked, never appears in the list, and is e-mailed.
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, confirmSignupFromMail, signUp, uniqueEmail, workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'
import { waitFor } from '../helpers/wait'

let server: TestServer
let sink: SmtpSink
beforeAll(async () => {
  sink = await startSmtpSink()
  server = await startServer({ env: { SMTP_URL: sink.url } })
})
afterAll(async () => {
  await server?.dispose()
  await sink?.close()
})

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!

async function newPerson(email: string, name = 'Nora New') {
  const api = new ApiClient(server.url)
  // With SMTP_URL, sign-up is finished from the e-mailed link.
  expect((await api.post('/api/auth/signup', { name, email, password: 'correct horse battery' })).status).toBe(202)
  expect((await confirmSignupFromMail(api, sink, email)).status).toBe(201)
  return api
}

describe('invitations', () => {
  it('invite, accept as a new person: a member with the invited role; the link works once', async () => {
    const { owner, workspaceId } = await workspaceWithDocument(server.url, 'notes', sink)
    const email = uniqueEmail('nora')
    const created = await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email: email.toUpperCase(), role: 'viewer' })
    expect(created.status).toBe(201)
    const { invitation } = created.body
    expect(invitation).toMatchObject({ email, role: 'viewer' })
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)).toBe(7 * 24 * 60 * 60_000)
    expect(invitation.url).toMatch(new RegExp(`^${server.url}/invite\\?token=[a-z2-7]{32}$`))
    const token = tokenOf(invitation.url)

    // The list shows it, and never the link or its token.
    const list = await owner.get(`/api/workspaces/${workspaceId}/invitations`)
    expect(list.status).toBe(200)
    expect(list.body.invitations).toEqual([{ id: invitation.id, email, role: 'viewer', createdAt: invitation.createdAt, expiresAt: invitation.expiresAt }])
    expect(JSON.stringify(list.body)).not.toContain(token)

    // Signed out: sign in first.
    expect((await new ApiClient(server.url).post('/api/invitations/accept', { token })).status).toBe(401)
    const nora = await newPerson(email)
    const accepted = await nora.post('/api/invitations/accept', { token })
    expect(accepted.status).toBe(200)
    expect(accepted.body).toEqual({ workspaceId, role: 'viewer' })
    const members = await owner.get(`/api/workspaces/${workspaceId}/members`)
    expect(members.body.members).toContainEqual(expect.objectContaining({ email, role: 'viewer' }))
    expect((await nora.get(`/api/workspaces/${workspaceId}`)).status).toBe(200)
    expect((await owner.get(`/api/workspaces/${workspaceId}/invitations`)).body.invitations).toEqual([])

    const again = await nora.post('/api/invitations/accept', { token })
    expect(again.status).toBe(410)
    expect(again.body.error).toBe('this invitation has already been used')
  })

  it('the address must match the signed-in account; a wrong one leaves the link usable', async () => {
    const { owner, workspaceId } = await workspaceWithDocument(server.url, 'notes', sink)
    const email = uniqueEmail('invited')
    const { body } = await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email, role: 'editor' })
    const stranger = await signUp(server.url, 'Stranger Danger', sink)
    const wrong = await stranger.post('/api/invitations/accept', { token: tokenOf(body.invitation.url) })
    expect(wrong.status).toBe(403)
    expect(wrong.body.error).toBe(`this invitation is for ${email}; sign in with that address to accept it`)
    expect((await stranger.get(`/api/workspaces/${workspaceId}`)).status).toBe(403)
    const right = await newPerson(email)
    expect((await right.post('/api/invitations/accept', { token: tokenOf(body.invitation.url) })).body).toEqual({ workspaceId, role: 'editor' })
  })

  it('a revoked link and an expired link say so; a made-up one is not found', async () => {
    const { owner, workspaceId } = await workspaceWithDocument(server.url, 'notes', sink)
    const revokedEmail = uniqueEmail('revoked')
    const expiredEmail = uniqueEmail('expired')
    const revoked = (await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email: revokedEmail, role: 'editor' })).body.invitation
    const expired = (await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email: expiredEmail, role: 'editor' })).body.invitation
    expect((await owner.delete(`/api/workspaces/${workspaceId}/invitations/${revoked.id}`)).status).toBe(204)
    expect((await owner.delete(`/api/workspaces/${workspaceId}/invitations/${revoked.id}`)).status).toBe(404)
    const revokedTry = await (await newPerson(revokedEmail)).post('/api/invitations/accept', { token: tokenOf(revoked.url) })
    expect(revokedTry.status).toBe(410)
    expect(revokedTry.body.error).toMatch(/revoked/)

    // Seven days later: the row's expiry moved into the past in the real database file.
    const db = createClient({ url: `file:${server.dbPath}` })
    await db.execute({ sql: 'UPDATE invitations SET expires_at = ? WHERE id = ?', args: [Date.now() - 1, expired.id] })
    db.close()
    const expiredPerson = await newPerson(expiredEmail)
    const expiredTry = await expiredPerson.post('/api/invitations/accept', { token: tokenOf(expired.url) })
    expect(expiredTry.status).toBe(410)
    expect(expiredTry.body.error).toMatch(/expired/)
    expect((await owner.get(`/api/workspaces/${workspaceId}/invitations`)).body.invitations).toEqual([])

    // Inviting an address again replaces its pending link.
    const laterEmail = uniqueEmail('later')
    const first = (await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email: laterEmail, role: 'viewer' })).body.invitation
    const second = (await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email: laterEmail, role: 'editor' })).body.invitation
    expect((await owner.get(`/api/workspaces/${workspaceId}/invitations`)).body.invitations.map((i: { id: string }) => i.id)).toEqual([second.id])
    const later = await newPerson(laterEmail)
    expect((await later.post('/api/invitations/accept', { token: tokenOf(first.url) })).status).toBe(410)
    expect((await later.post('/api/invitations/accept', { token: tokenOf(second.url) })).body).toEqual({ workspaceId, role: 'editor' })

    const madeUp = await expiredPerson.post('/api/invitations/accept', { token: 'a'.repeat(32) })
    expect(madeUp.status).toBe(404)
  })

  it('only owners invite, list and revoke; a member is not invited twice', async () => {
    const { owner, workspaceId, addMember } = await workspaceWithDocument(server.url, 'notes', sink)
    const editor = await addMember('Eddie Editor', 'editor')
    const created = await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email: uniqueEmail('x'), role: 'viewer' })
    const invite = await editor.post(`/api/workspaces/${workspaceId}/invitations`, { email: uniqueEmail('y'), role: 'owner' })
    expect(invite.status).toBe(403)
    expect(invite.body.error).toBe('your role (editor) may not invite members')
    expect((await editor.get(`/api/workspaces/${workspaceId}/invitations`)).status).toBe(403)
    expect((await editor.delete(`/api/workspaces/${workspaceId}/invitations/${created.body.invitation.id}`)).status).toBe(403)
    const outsider = await signUp(server.url, 'Outsider', sink)
    expect((await outsider.get(`/api/workspaces/${workspaceId}/invitations`)).status).toBe(403)
    const twice = await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email: editor.email, role: 'owner' })
    expect(twice.status).toBe(409)
    expect((await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email: 'not an email', role: 'viewer' })).status).toBe(400)
    expect((await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email: uniqueEmail('z'), role: 'admin' })).status).toBe(400)
  })

  it('a fresh link for a lost invitation: the old link stops working, the new one runs 7 days and is e-mailed', async () => {
    const { owner, workspaceId, addMember } = await workspaceWithDocument(server.url, 'notes', sink)
    const email = uniqueEmail('lost')
    const old = (await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email, role: 'viewer' })).body.invitation
    // Six days on: the renewed link runs 7 days from now, not from the invitation.
    const db = createClient({ url: `file:${server.dbPath}` })
    await db.execute({ sql: 'UPDATE invitations SET expires_at = ? WHERE id = ?', args: [Date.now() + 24 * 60 * 60_000, old.id] })
    db.close()
    const renewed = await owner.post(`/api/workspaces/${workspaceId}/invitations/${old.id}/link`)
    expect(renewed.status).toBe(200)
    const { invitation } = renewed.body
    expect(invitation).toMatchObject({ id: old.id, email, role: 'viewer', createdAt: old.createdAt })
    expect(Math.abs(Date.parse(invitation.expiresAt) - (Date.now() + 7 * 24 * 60 * 60_000))).toBeLessThan(60_000)
    expect(invitation.url).toMatch(new RegExp(`^${server.url}/invite\\?token=[a-z2-7]{32}$`))
    expect(tokenOf(invitation.url)).not.toBe(tokenOf(old.url))
    const mailed = await waitFor(() => sink.mails.find((m) => m.text.includes(invitation.url)), { message: 'the new link e-mailed' })
    expect(mailed.to).toEqual([email])
    const listed = (await owner.get(`/api/workspaces/${workspaceId}/invitations`)).body.invitations
    expect(listed).toEqual([{ id: old.id, email, role: 'viewer', createdAt: old.createdAt, expiresAt: invitation.expiresAt }])

    const person = await newPerson(email)
    const oldTry = await person.post('/api/invitations/accept', { token: tokenOf(old.url) })
    expect(oldTry.status).toBe(404)
    expect(oldTry.body.error).toMatch(/not valid/)
    expect((await person.get(`/api/workspaces/${workspaceId}`)).status).toBe(403)
    expect((await person.post('/api/invitations/accept', { token: tokenOf(invitation.url) })).body).toEqual({ workspaceId, role: 'viewer' })

    // Used, revoked, expired: 410; unknown or another workspace's: 404; not an owner: 403.
    const used = await owner.post(`/api/workspaces/${workspaceId}/invitations/${old.id}/link`)
    expect(used.status).toBe(410)
    expect(used.body.error).toMatch(/already been used/)
    const revoked = (await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email: uniqueEmail('gone'), role: 'editor' })).body.invitation
    await owner.delete(`/api/workspaces/${workspaceId}/invitations/${revoked.id}`)
    const revokedTry = await owner.post(`/api/workspaces/${workspaceId}/invitations/${revoked.id}/link`)
    expect(revokedTry.status).toBe(410)
    expect(revokedTry.body.error).toMatch(/revoked/)
    expect((await owner.post(`/api/workspaces/${workspaceId}/invitations/${'x'.repeat(21)}/link`)).status).toBe(404)
    const other = await workspaceWithDocument(server.url, 'notes', sink)
    expect((await other.owner.post(`/api/workspaces/${other.workspaceId}/invitations/${revoked.id}/link`)).status).toBe(404)
    const pendingOne = (await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email: uniqueEmail('wait'), role: 'editor' })).body.invitation
    const editor = await addMember('Eddie Editor', 'editor')
    const byEditor = await editor.post(`/api/workspaces/${workspaceId}/invitations/${pendingOne.id}/link`)
    expect(byEditor.status).toBe(403)
    expect(byEditor.body.error).toBe('your role (editor) may not renew invitation links')
    // The refused attempts left its link as it was.
    expect((await owner.get(`/api/workspaces/${workspaceId}/invitations`)).body.invitations[0].expiresAt).toBe(pendingOne.expiresAt)
    const db2 = createClient({ url: `file:${server.dbPath}` })
    await db2.execute({ sql: 'UPDATE invitations SET expires_at = ? WHERE id = ?', args: [Date.now() - 1, pendingOne.id] })
    db2.close()
    const expiredTry = await owner.post(`/api/workspaces/${workspaceId}/invitations/${pendingOne.id}/link`)
    expect(expiredTry.status).toBe(410)
    expect(expiredTry.body.error).toMatch(/expired/)
  })

  it('e-mails the link to the invited address', async () => {
    const { owner, workspaceId } = await workspaceWithDocument(server.url, 'notes', sink)
    const email = uniqueEmail('mailed')
    const { body } = await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email, role: 'editor' })
    const mail = await sink.mailTo(email)
    expect(mail.raw).toMatch(/^Subject: Olivia Owner invited you to Acme on Quorum/m)
    expect(mail.text).toContain(body.invitation.url)
  })
})
