import { useEffect, useState, type FormEvent } from 'react'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'

type Stage =
  | { kind: 'loading' }
  | { kind: 'off' }
  | { kind: 'setting-up'; secret: string; qrSvg: string }
  | { kind: 'recovery-codes'; codes: string[] }
  | { kind: 'on' }

/** The key as an authenticator app's QR code: qrcode is loaded only when someone sets it up. */
async function qrCodeSvg(uri: string): Promise<string> {
  const { toString } = await import('qrcode')
  return toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
}

/** Two-factor sign-in: set up (QR code and key as text, confirmed by a first code), recovery codes, turning off. */
export function TwoFactorSection() {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' })
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const controller = new AbortController()
    api.me(controller.signal)
      .then((me) => setStage({ kind: me.twoFactorEnabled ? 'on' : 'off' }))
      .catch((err: unknown) => { if (!controller.signal.aborted) setError(errorMessage(err)) })
    return () => controller.abort()
  }, [])

  async function run(action: () => Promise<void>) {
    setBusy(true)
    setError(null)
    try {
      await action()
      setCode('')
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  const start = () => run(async () => {
    const { secret, uri } = await api.startTotp()
    setStage({ kind: 'setting-up', secret, qrSvg: await qrCodeSvg(uri) })
  })

  function submitCode(action: (code: string) => Promise<void>) {
    return (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault()
      const digits = code.replace(/\s/g, '')
      if (!/^\d{6}$/.test(digits)) {
        setError('Enter the 6 digits your authenticator app shows.')
        return
      }
      void run(() => action(digits))
    }
  }

  const codeField = (
    <label className="field">
      <span className="field-label">Code from your authenticator app</span>
      <input name="totpCode" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
    </label>
  )

  return (
    <div className="two-factor" data-testid="two-factor">
      {stage.kind === 'off' && (
        <>
          <p className="muted">Off. With it on, signing in needs your password and a code from an authenticator app on your phone.</p>
          <div><button type="button" className="button primary" disabled={busy} onClick={() => void start()}>Set up two-factor sign-in</button></div>
        </>
      )}
      {stage.kind === 'setting-up' && (
        <form className="form" onSubmit={submitCode(async (c) => setStage({ kind: 'recovery-codes', codes: (await api.confirmTotp(c)).recoveryCodes }))} noValidate>
          <p>Scan this code with your authenticator app, or type the key into it.</p>
          <div className="qr-code" role="img" aria-label="QR code of your two-factor key" dangerouslySetInnerHTML={{ __html: stage.qrSvg }} />
          <p className="totp-secret">Key: <code data-testid="totp-secret">{stage.secret.match(/.{1,4}/g)!.join(' ')}</code></p>
          {codeField}
          <FormError message={error} />
          <div><button type="submit" className="button primary" disabled={busy}>Turn on</button></div>
        </form>
      )}
      {stage.kind === 'recovery-codes' && (
        <>
          <p className="form-success" role="status">Two-factor sign-in is on.</p>
          <p>Keep these recovery codes somewhere safe. Each signs you in once if you lose your phone; they are shown only now.</p>
          <ul className="recovery-codes" data-testid="recovery-codes">
            {stage.codes.map((c) => <li key={c}><code>{c}</code></li>)}
          </ul>
          <div><button type="button" className="button" onClick={() => setStage({ kind: 'on' })}>I have saved them</button></div>
        </>
      )}
      {stage.kind === 'on' && (
        <form className="form" onSubmit={submitCode(async (c) => { await api.disableTotp(c); setStage({ kind: 'off' }) })} noValidate>
          <p className="muted" data-testid="two-factor-on">On: signing in asks for a code from your authenticator app. To turn it off, enter a current code.</p>
          {codeField}
          <FormError message={error} />
          <div><button type="submit" className="button danger" disabled={busy}>Turn off</button></div>
        </form>
      )}
      {(stage.kind === 'off' || stage.kind === 'loading') && <FormError message={error} />}
    </div>
  )
}
