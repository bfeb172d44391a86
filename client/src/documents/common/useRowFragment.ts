// The rich-text fragment of a row field, looked up read-only during render. A missing fragment
// on an existing row (old or damaged data) is repaired in an effect, never during render and
// never before the row exists: a body can render before the first sync, and creating a section
// or fragment then would race the server's copy and could hide it.
import { useEffect } from 'react'
import type * as Y from 'yjs'

export function useRowFragment(
  lookup: (writable: boolean) => Y.XmlFragment | null,
  canRepair: boolean,
): Y.XmlFragment | null {
  const fragment = lookup(false)
  useEffect(() => {
    if (canRepair && !fragment) lookup(true)
  }, [canRepair, fragment]) // eslint-disable-line react-hooks/exhaustive-deps
  return fragment
}
