// Accepting an invitation in Chromium through the real server: the owner invites from the members
// panel and copies the link; a person without an account opens it in their own browser, signs up
// with the invited address, comes back, accepts and lands in the workspace with the invited role.
// The first link is "lost": the owner copies a new one from the pending row, and the old one stops working.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uniqueEmail, workspaceWithDocument } from '../helpers/api'
import { axeFindings, blocking } from '../helpers/axe'
import { contextFor, launchBrowser, openPage } from '../helpers/browser'
import { screenshotsAtWidths } from '../helpers/screenshots'
import { startServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/wait'

let server: TestServer
let browser: Browser
beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer({ serveClient: true }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

describe('invitation in the browser', () => {
  it('a new person accepts an invitation: sign up from the link, accept, and see the workspace as a viewer', async () => {
    const { owner, workspaceId } = await workspaceWithDocument(server.url)
    const email = uniqueEmail('nora')

    const ownerContext = await contextFor(browser, server.url, owner, { permissions: ['clipboard-read', 'clipboard-write'] })
    const ownerPage = await openPage(ownerContext, `${server.url}/w/${workspaceId}`)
    await ownerPage.fill('input[name=inviteEmail]', email)
    await ownerPage.selectOption('select[name=inviteRole]', 'viewer')
    await ownerPage.click('form[aria-label="Invite a member"] button[type=submit]')
    const linkField = ownerPage.locator('[data-testid=invite-link] input')
    const lostLink = await linkField.inputValue()
    expect(lostLink).toMatch(/\/invite\?token=[a-z2-7]{32}$/)
    await ownerPage.locator('[data-testid=invitation-row]', { hasText: email }).waitFor()

    // The first link is lost: a new one, shown in the field and on the clipboard.
    await ownerPage.getByRole('button', { name: `Copy new link for ${email}` }).click()
    await waitFor(async () => (await linkField.inputValue()) !== lostLink, { message: 'a new link shown' })
    const link = await linkField.inputValue()
    expect(link).toMatch(/\/invite\?token=[a-z2-7]{32}$/)
    await ownerPage.locator('[data-testid=invite-link] button', { hasText: 'Copied' }).waitFor()
    expect(await ownerPage.evaluate(() => navigator.clipboard.readText())).toBe(link)
    expect(blocking(await axeFindings(ownerPage))).toEqual([])
    await screenshotsAtWidths(ownerPage, 'members-panel-new-link', [1280, 768])

    const newcomer = await browser.newContext({ viewport: { width: 390, height: 844 } })
    const page = await openPage(newcomer, link)
    await page.getByRole('link', { name: 'Create an account' }).click()
    await page.fill('input[name=name]', 'Nora Newcomer')
    await page.fill('input[name=email]', email)
    await page.fill('input[name=password]', 'quiet meadow lantern')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.locator('text=Signed in as Nora Newcomer').waitFor()
    await page.getByRole('button', { name: 'Accept invitation' }).click()
    await page.waitForURL(`${server.url}/w/${workspaceId}`)
    await page.locator('h1', { hasText: 'Acme' }).waitFor()
    const members = (await owner.get(`/api/workspaces/${workspaceId}/members`)).body.members as { email: string; role: string }[]
    expect(members).toContainEqual(expect.objectContaining({ email, role: 'viewer' }))

    // The owner's pending list empties once they look again.
    await ownerPage.reload()
    await ownerPage.locator('[data-testid=member-row]', { hasText: 'Nora Newcomer' }).waitFor()
    await waitFor(async () => (await ownerPage.locator('[data-testid=invitation-row]').count()) === 0, { message: 'pending list empty' })

    // The lost link was replaced: it no longer works.
    await page.goto(lostLink)
    await page.getByRole('button', { name: 'Accept invitation' }).click()
    await page.locator('[data-testid=form-error]', { hasText: 'not valid' }).waitFor()

    // The link was used: opening it again says so.
    await page.goto(link)
    await page.getByRole('button', { name: 'Accept invitation' }).click()
    await page.locator('[data-testid=form-error]', { hasText: 'already been used' }).waitFor()
    await Promise.all([ownerContext.close(), newcomer.close()])
  })
})
