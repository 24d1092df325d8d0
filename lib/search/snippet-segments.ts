import type { SnippetSegment } from '@/lib/search/search-types'

// Both databases mark matched words with two control characters the indexed text never contains (plain-text.ts
// removes them), so the snippet is split here into text pieces: no markup from an answer survives as markup.

export const markStart = '\u0001'
export const markEnd = '\u0002'

export function toSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = []
  let highlighted = false
  let text = ''
  const flush = () => {
    if (text) segments.push({ text, highlighted })
    text = ''
  }
  for (const char of marked) {
    if (char === markStart || char === markEnd) {
      flush()
      highlighted = char === markStart
    } else {
      text += char
    }
  }
  flush()
  // Adjacent highlighted words read as one mark ("iron condor", "advance-decline", not word by word).
  return segments.reduce<SnippetSegment[]>((merged, segment) => {
    const previous = merged.at(-1)
    const next = merged.length >= 2 ? merged.at(-2) : undefined
    if (previous && next?.highlighted && segment.highlighted && !previous.highlighted && /^[\s\-–/]+$/.test(previous.text)) {
      merged.splice(-2, 2, { text: next.text + previous.text + segment.text, highlighted: true })
    } else {
      merged.push(segment)
    }
    return merged
  }, [])
}
