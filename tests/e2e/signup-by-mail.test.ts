// With SMTP_URL, a person invited by e-mail signs up in Chromium: the form says to check the inbox,
// the e-mailed link creates the account with one click and leads back to the invitation to accept.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uniqueEmail, workspaceWithDocument } from '../helpers/api'
import { axeFindings, blocking } from '../helpers/axe'
import { launchBrowser, openPage } from '../helpers/browser'
import { screenshotsAtWidths } from '../helpers/screenshots'
import { startServer, type TestServer } from '../helpers/server'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'
import { waitFor } from '../helpers/wait'

let server: TestServer
let sink: SmtpSink
let browser: Browser
beforeAll(async () => {
  sink = await startSmtpSink()
  ;[server, browser] = await Promise.all([startServer({ serveClient: true, env: { SMTP_URL: sink.url } }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.dispose()
  await sink?.close()
})

describe('sign-up through the e-mailed link in the browser', () => {
  it('an invited person signs up, opens the link from the inbox, and comes back to accept', async () => {
    const { owner, workspaceId } = await workspaceWithDocument(server.url, 'notes', sink)
    const email = uniqueEmail('mia')
    const invitation = (await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email, role: 'editor' })).body.invitation

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await openPage(context, invitation.url)
    await page.getByRole('link', { name: 'Create an account' }).click()
    await page.fill('input[name=name]', 'Mia Mailed')
    await page.fill('input[name=email]', email)
    await page.fill('input[name=password]', 'quiet meadow lantern')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.locator('[data-testid=signup-mailed]', { hasText: email }).waitFor()
    expect(blocking(await axeFindings(page))).toEqual([])
    await screenshotsAtWidths(page, 'signup-check-inbox', [1280, 768])

    const mail = await waitFor(() => sink.mails.find((m) => m.to.includes(email) && m.text.includes('/confirm-signup?token=')), { message: 'sign-up link' })
    const link = /(http:\/\/\S+\/confirm-signup\?token=\S+)/.exec(mail.text)![1]
    await page.goto(link)
    await page.getByRole('button', { name: 'Create my account' }).waitFor()
    expect(blocking(await axeFindings(page))).toEqual([])
    await screenshotsAtWidths(page, 'signup-confirm', [1280, 768])
    await page.getByRole('button', { name: 'Create my account' }).click()
    await page.locator('text=Signed in as Mia Mailed').waitFor()
    expect(new URL(page.url()).pathname).toBe('/invite')
    await page.getByRole('button', { name: 'Accept invitation' }).click()
    await page.waitForURL(`${server.url}/w/${workspaceId}`)
    const members = (await owner.get(`/api/workspaces/${workspaceId}/members`)).body.members as { email: string; role: string }[]
    expect(members).toContainEqual(expect.objectContaining({ email, role: 'editor' }))
    await context.close()
  })
})
