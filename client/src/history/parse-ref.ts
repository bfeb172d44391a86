import type { VersionRef } from '../../../shared/api'

/** A version reference from the URL: a positive integer or "live"; anything else is null. */
export function parseVersionRef(raw: string | null): VersionRef | null {
  if (raw === 'live') return 'live'
  if (!raw || !/^\d+$/.test(raw)) return null
  const n = Number(raw)
  return n >= 1 ? n : null
}
