// Two-factor sign-in in Chromium: set it up from the account page by reading the key shown and
// computing the code as an authenticator app would, then sign in with password and code.
import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { generateHOTP } from '@oslojs/otp'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp } from '../helpers/api'
import { contextFor, launchBrowser, openPage } from '../helpers/browser'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
let browser: Browser
beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer({ serveClient: true }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

const codeFor = (secret: string, offset = 0) => generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000) + offset), 6)

describe('two-factor sign-in in the browser', () => {
  it('sets it up from the QR page and signs in with password then code', async () => {
    const user = await signUp(server.url, 'Tess Totp')
    const context = await contextFor(browser, server.url, user)
    const page = await openPage(context, `${server.url}/account`)
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click()
    await page.locator('.qr-code svg').waitFor()
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '')
    await page.fill('input[name=totpCode]', codeFor(secret))
    await page.getByRole('button', { name: 'Turn on' }).click()
    await page.getByTestId('recovery-codes').waitFor()
    expect(await page.locator('[data-testid=recovery-codes] li').count()).toBe(10)
    await page.getByRole('button', { name: 'I have saved them' }).click()
    await page.getByTestId('two-factor-on').waitFor()

    const fresh = await browser.newContext({ viewport: { width: 390, height: 844 } })
    const login = await openPage(fresh, `${server.url}/login`)
    await login.fill('input[name=email]', user.email)
    await login.fill('input[name=password]', 'correct horse battery')
    await login.getByRole('button', { name: 'Sign in' }).click()
    await login.locator('input[name=code]').waitFor()
    expect(login.url()).toBe(`${server.url}/login`)
    await login.fill('input[name=code]', codeFor(secret, 1))
    await login.getByRole('button', { name: 'Sign in' }).click()
    await login.getByTestId('user-name').waitFor()
    expect(await login.getByTestId('user-name').textContent()).toBe('Tess Totp')
    await Promise.all([context.close(), fresh.close()])
  })
})
