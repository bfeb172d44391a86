// Re-reads a Y.Doc through a shared reader whenever the document changes (anyone's edit).
// `read` must depend only on the doc and on `deps`; the result is memoised per document version,
// so a render without a change never re-reads.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { docVersion, subscribeDoc } from './doc-version'

const noop = () => () => {}

export function useDocVersion(doc: Y.Doc | null): number {
  const subscribe = useCallback((onChange: () => void) => (doc ? subscribeDoc(doc, onChange) : noop()), [doc])
  return useSyncExternalStore(subscribe, () => (doc ? docVersion(doc) : -1))
}

/**
 * Like useDocVersion, but bumps at most once per `ms` (after the first change of a burst), for
 * whole-document work that may lag a little: under ten editors it then runs once a second, not per edit.
 */
export function useSettledDocVersion(doc: Y.Doc | null, ms: number): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    if (!doc) return
    let timer: ReturnType<typeof setTimeout> | null = null
    const unsubscribe = subscribeDoc(doc, () => {
      timer ??= setTimeout(() => {
        timer = null
        setVersion((v) => v + 1)
      }, ms)
    })
    return () => {
      unsubscribe()
      if (timer) clearTimeout(timer)
    }
  }, [doc, ms])
  return version
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
