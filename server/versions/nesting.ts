// Whether a document holds shared types nested deeper than a limit (content stored before the
// limits existed: update-limits.ts refuses it now). Walked with an explicit stack, since recursing
// over 20,000 levels is the very thing that overflows.
import * as Y from 'yjs'

function children(type: unknown): unknown[] {
  if (type instanceof Y.Map) return [...type.values()]
  if (type instanceof Y.Array || type instanceof Y.XmlFragment) return type.toArray() // XmlElement is an XmlFragment
  return []
}

/** True if some type under `roots` sits more than `limit` levels below its root. */
export function nestedBeyond(roots: readonly unknown[], limit: number): boolean {
  const stack: [unknown, number][] = roots.map((r) => [r, 0])
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [type, depth] = next
    for (const child of children(type)) {
      if (!(child instanceof Y.AbstractType)) continue
      if (depth + 1 > limit) return true
      stack.push([child, depth + 1])
    }
  }
  return false
}
