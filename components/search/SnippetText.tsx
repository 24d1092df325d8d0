import type { SnippetSegment } from '@/lib/search/search-types'

/** A search snippet: its pieces as text (React escapes them), the matched words in <mark>. */
export function SnippetText({ segments }: { segments: readonly SnippetSegment[] }) {
  return (
    <>
      {segments.map((segment, index) => (segment.highlighted ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
    </>
  )
}
