// User text in the Markdown pack is text, never markup: a title or note must not become raw HTML
// (a <script> or <img onerror> in whatever renders the file) or a link to javascript:/data:/file:.
// Links written as [label](target) survive only with an http(s) or mailto target.

/** Backslash-escapes what could start HTML, a link, an image or a code span (CommonMark escapes any ASCII punctuation). */
function escapeText(text: string): string {
  return text.replace(/[\\<>[\]`]/g, (ch) => `\\${ch}`)
}

const LINK = /(!?)\[([^[\]\n]*)\]\(([^()\s]*)\)/g
// Only plain URL characters: no quotes, angle brackets or spaces that could end the destination early.
const SAFE_TARGET = /^(?:https?:\/\/|mailto:)[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+$/i

/** Escapes user text for Markdown; `[label](target)` stays a link only for http(s)/mailto targets, never as an image. */
export function escapeInline(text: string): string {
  let out = ''
  let last = 0
  for (const m of text.matchAll(LINK)) {
    const [whole, bang, label, target] = m
    if (!SAFE_TARGET.test(target)) continue
    out += escapeText(text.slice(last, m.index)) + (bang ? '\\!' : '') + `[${escapeText(label)}](${target})`
    last = m.index + whole.length
  }
  return out + escapeText(text.slice(last))
}

/** A code fence longer than any run of backticks inside, so the content cannot close it early. */
export function fenceFor(content: string): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length))
  return '`'.repeat(Math.max(3, longest + 1))
}
