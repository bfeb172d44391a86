// "Skip to content": the first stop for Tab on every signed-in page, so a keyboard user need not
// walk through the header each time. Moves focus to the page's content (AppLayout's #content).
import type { MouseEvent } from 'react'

export const CONTENT_ID = 'content'

function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault() // focus only: no "#content" in the URL, which the router owns
  document.getElementById(CONTENT_ID)?.focus()
}

export function SkipLink() {
  return (
    <a href={`#${CONTENT_ID}`} className="skip-link" onClick={skipToContent}>
      Skip to content
    </a>
  )
}
