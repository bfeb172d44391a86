// How long a chosen password may be: length is the rule (NIST SP 800-63B), no composition rules.
// Zod-free so the sign-up and password forms can use it without loading the API schemas.
export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 256
