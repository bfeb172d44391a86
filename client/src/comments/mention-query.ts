// The "@…" being typed just before the caret, if any: an @ at the start or after white space,
// followed by at most 40 characters on the same line.
export interface MentionQuery { start: number; text: string }

export function mentionQueryAt(value: string, caret: number): MentionQuery | null {
  const before = value.slice(0, caret)
  const at = before.lastIndexOf('@')
  if (at < 0 || (at > 0 && !/\s/.test(before[at - 1]))) return null
  const text = before.slice(at + 1)
  if (text.length > 40 || text.includes('\n')) return null
  return { start: at, text }
}

/** Members whose name has a word starting with the query (case-insensitive). */
export function matchMembers<M extends { name: string }>(members: M[], query: string): M[] {
  const q = query.trim().toLowerCase()
  return members.filter((m) => q === '' || m.name.toLowerCase().startsWith(q) || m.name.toLowerCase().includes(` ${q}`)).slice(0, 8)
}

/** The ids of the chosen people whose "@Name" is still in the text. */
export function mentionsInBody(body: string, chosen: Map<string, string>): string[] {
  return [...chosen].filter(([, name]) => body.includes(`@${name}`)).map(([id]) => id)
}
