// "Skip to content": the first stop for Tab on every signed-in page, so a keyboard user need not
// walk through the header each time. Focuses the page's <main> (each page renders one).
import type { MouseEvent } from 'react'

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.querySelector('main')
  if (!main) return
  event.preventDefault() // no "#main" in the URL: the router owns it
  main.tabIndex = -1
  main.focus()
}

export function SkipLink() {
  return (
    <a href="#main" className="skip-link" onClick={skipToMain}>
      Skip to content
    </a>
  )
}
