// Turns a document's projection into the rows the search index holds: one per record (a top-level
// list entry with an id, or a brief's pillar section) and one for the rest of the document (its
// metadata and body). Generic over the kinds, so a new field is searchable without changing this.

export interface RecordText {
  /** null: the document as a whole. */
  recordId: string | null
  recordTitle: string
  body: string
}

/** Keys that are bookkeeping, not content. */
const SKIPPED_KEYS = new Set(['kind', 'id', 'order', 'invalid'])
const TITLE_KEYS = ['title', 'name', 'label', 'vendor'] as const

function texts(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    if (value.trim()) out.push(value)
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    out.push(String(value))
  } else if (Array.isArray(value)) {
    for (const v of value) texts(v, out)
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) if (!SKIPPED_KEYS.has(key)) texts(v, out)
  }
}

const recordIdOf = (entry: Record<string, unknown>): string | null =>
  typeof entry.id === 'string' ? entry.id : typeof entry.pillar === 'string' ? entry.pillar : null

function titleOf(entry: Record<string, unknown>): string {
  for (const key of TITLE_KEYS) if (typeof entry[key] === 'string') return entry[key]
  return ''
}

const isRecordList = (value: unknown): value is Record<string, unknown>[] =>
  Array.isArray(value) && value.length > 0 && value.every((e) => e && typeof e === 'object' && recordIdOf(e as Record<string, unknown>) !== null)

export function recordTexts(projection: Record<string, unknown>): RecordText[] {
  const rows: RecordText[] = []
  const rest: string[] = []
  for (const [key, value] of Object.entries(projection)) {
    if (SKIPPED_KEYS.has(key)) continue
    if (isRecordList(value)) {
      for (const entry of value) {
        const body: string[] = []
        texts(entry, body)
        rows.push({ recordId: recordIdOf(entry), recordTitle: titleOf(entry), body: body.join(' · ') })
      }
    } else {
      texts(value, rest)
    }
  }
  if (rest.length > 0) rows.push({ recordId: null, recordTitle: '', body: rest.join(' · ') })
  return rows
}
