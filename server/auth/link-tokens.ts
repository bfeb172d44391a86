// Tokens of the links we hand out (password reset, invitation): 160 random bits, base32. Only
// their SHA-256 is stored, so a copy of the database opens no link; a token this long needs no
// slow hash, and looking it up by its hash compares nothing secret in our code.
import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'

export function hashLinkToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)))
}

export function newLinkToken(): { token: string; hash: string } {
  const bytes = new Uint8Array(20)
  crypto.getRandomValues(bytes)
  const token = encodeBase32LowerCaseNoPadding(bytes)
  return { token, hash: hashLinkToken(token) }
}
