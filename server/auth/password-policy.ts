// Password policy after NIST SP 800-63B: length decides (8 to 256 characters, checked by the
// request schemas in shared/api/accounts.ts), composition rules do not; and a password found in a
// list of the most common ones (zxcvbn-ts's 49,000, the same list its strength meter uses) is
// refused, because guessing starts there. Compared in lower case: the list is.
import { dictionary } from '@zxcvbn-ts/language-common'
import { badRequest } from '../http/errors'

const COMMON = new Set(dictionary['passwords-common'])

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase())
}

/** 400 for a password the policy refuses; the length was already checked by the schema. */
export function assertAcceptablePassword(password: string, field = 'password'): void {
  if (isCommonPassword(password)) throw badRequest(`${field}: this is one of the most commonly used passwords; choose another`)
}
