// Random, URL-safe, non-sequential identifiers (128 bits).
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import { randomBytes } from 'node:crypto'

export function newId(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(16))
}
