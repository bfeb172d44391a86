// Re-reads a Y.Doc through a shared reader whenever the document changes (anyone's edit).
// `read` must depend only on the doc and on `deps`; the result is memoised per document version,
// so a render without a change never re-reads.
import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { docVersion, subscribeDoc } from './doc-version'

const noop = () => () => {}

export function useDocVersion(doc: Y.Doc | null): number {
  const subscribe = useCallback((onChange: () => void) => (doc ? subscribeDoc(doc, onChange) : noop()), [doc])
  return useSyncExternalStore(subscribe, () => (doc ? docVersion(doc) : -1))
}

export function useDocumentSnapshot<T>(doc: Y.Doc, read: (doc: Y.Doc) => T, deps?: readonly unknown[]): T
export function useDocumentSnapshot<T>(doc: Y.Doc | null, read: (doc: Y.Doc) => T, deps?: readonly unknown[]): T | null
export function useDocumentSnapshot<T>(doc: Y.Doc | null, read: (doc: Y.Doc) => T, deps: readonly unknown[] = []): T | null {
  const version = useDocVersion(doc)
  const readRef = useRef(read)
  readRef.current = read
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (doc ? readRef.current(doc) : null), [doc, version, ...deps])
}
