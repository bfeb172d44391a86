// A search snippet with its matched words marked. Text only: the snippet is never parsed as HTML.
import type { SearchResultDto } from '../../../shared/api'

export function Snippet({ result }: { result: Pick<SearchResultDto, 'snippet' | 'highlights'> }) {
  const parts: React.ReactNode[] = []
  let at = 0
  for (const [start, end] of result.highlights) {
    if (start < at) continue
    parts.push(result.snippet.slice(at, start), <mark key={start}>{result.snippet.slice(start, end)}</mark>)
    at = end
  }
  parts.push(result.snippet.slice(at))
  return <span className="search-snippet">{parts}</span>
}
