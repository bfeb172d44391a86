// Scrolls a document page to the record named by `?record=` (a search result) once it is rendered,
// and marks it for a moment so the eye finds it.
import { useEffect } from 'react'
import { useSearchParams } from 'react-router'
import { recordElement } from './record-target'

const WAIT_MS = 10_000

export function useOpenAtRecord(ready: boolean): void {
  const [params] = useSearchParams()
  const recordId = params.get('record')
  useEffect(() => {
    if (!ready || !recordId) return
    // The rows render after the document syncs: watch the page until the record appears.
    let found: HTMLElement | null = null
    const reveal = (): boolean => {
      found = recordElement(recordId)
      if (!found) return false
      found.scrollIntoView({ block: 'center' })
      found.classList.add('search-target')
      found.setAttribute('data-search-target', '')
      return true
    }
    if (reveal()) return () => unmark(found)
    const observer = new MutationObserver(() => { if (reveal()) observer.disconnect() })
    observer.observe(document.body, { childList: true, subtree: true })
    const giveUp = setTimeout(() => observer.disconnect(), WAIT_MS)
    return () => {
      observer.disconnect()
      clearTimeout(giveUp)
      unmark(found)
    }
  }, [ready, recordId])
}

function unmark(element: HTMLElement | null): void {
  element?.classList.remove('search-target')
  element?.removeAttribute('data-search-target')
}
