// The demo accounts' password: random per database, generated at first start and printed once,
// so a server reachable from the network never carries a published owner password.
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import { randomBytes } from 'node:crypto'

/** 16 base32 characters (80 random bits), grouped in fours to be read aloud and typed. */
export function newDemoPassword(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(10)).match(/.{4}/g)!.join('-')
}

/** The one-time notice printed to stdout when the demo workspace is created. */
export function demoLoginBox(people: readonly { email: string; role: string }[], password: string): string {
  const [owner, ...others] = people
  const lines = [
    'Demo workspace created. This password is shown once; keep it.',
    '',
    `Demo login: ${owner.email} / ${password} (${owner.role})`,
    ...others.map((p) => `            ${p.email} (${p.role}) shares it`),
  ]
  const width = Math.max(...lines.map((l) => l.length))
  const bar = `+${'-'.repeat(width + 2)}+`
  return ['', bar, ...lines.map((l) => `| ${l.padEnd(width)} |`), bar, ''].join('\n')
}

/** Reads the password back from that notice (tests start the server and read its output like a user). */
export function demoPasswordFromOutput(output: string): string | null {
  return /Demo login: \S+ \/ (\S+)/.exec(output)?.[1] ?? null
}
