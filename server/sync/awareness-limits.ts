// Limits on presence (awareness): a state is a cursor, a name and a colour, well under 1 kB. Without
// limits one viewer's 10 MB states were relayed to every observer (closing them as too slow) and to
// every new joiner, and 20,000 updates in 2 s were each relayed to everyone.
export const AWARENESS_LIMITS = {
  /** Bytes of one client's state as JSON, after the server stamps the user; a breach closes the socket (4413). */
  maxStateBytes: 64 * 1024,
  /** Relays of one connection's presence at most every this many ms (4 a second); in between the latest state wins. */
  relayIntervalMs: 250,
} as const

/** Client ids one connection may announce (tabs share a socket only in tests; 8 is generous). */
export const MAX_CLIENT_IDS_PER_CONNECTION = 8

/** A whole awareness frame bigger than this cannot hold only states within the limit: refuse before parsing it. */
export const MAX_AWARENESS_UPDATE_BYTES = MAX_CLIENT_IDS_PER_CONNECTION * (AWARENESS_LIMITS.maxStateBytes + 16)
