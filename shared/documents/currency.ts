// Money in a document is whole units of one ISO 4217 currency, set per document (meta.currency)
// so that a roadmap in GBP and a register of contracts in EUR each show their own.
import { z } from 'zod'

export const DEFAULT_CURRENCY = 'USD'

export const currencyCode = z
  .string({ error: 'Currency must be text' })
  .regex(/^[A-Z]{3}$/, 'Currency must be a three-letter code such as USD')
