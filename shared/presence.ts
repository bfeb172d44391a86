// Presence identity carried in Yjs awareness. The server overwrites `user` with the authenticated identity.
import type { Role } from './roles'

export interface PresenceUser {
  id: string
  name: string
  color: string
  role: Role
}

// White names are written on these (avatars, caret labels): each is at least 4.5:1 against white.
const PALETTE = ['#e11d48', '#2563eb', '#15803d', '#b45309', '#7c3aed', '#0e7490', '#db2777', '#4d7c0f', '#c2410c', '#4f46e5']

/** A stable colour per user id, so a person keeps their colour across documents and sessions. */
export function colorForUser(userId: string): string {
  let hash = 0
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0
  return PALETTE[hash % PALETTE.length]
}
