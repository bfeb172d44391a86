// The browser's own "Leave site?" dialog while `active`. Browsers show a generic text (a custom
// message is ignored), and only on a page the person has interacted with.
import { useEffect } from 'react'

export function useWarnBeforeUnload(active: boolean): void {
  useEffect(() => {
    if (!active) return
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      // Older Chromium and Safari need returnValue set as well.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [active])
}
