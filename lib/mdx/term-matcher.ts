/**
 * Finds glossary terms in text in one left-to-right pass over a character trie (no regex per term).
 * Rules: whole words only; the longest pattern wins; all-capital patterns (acronyms such as "VIX", "S&P 500")
 * match case-sensitively, everything else case-insensitively; a trailing "s"/"es" plural also matches.
 */
export interface TermPatternSource {
  slug: string
  patterns: readonly string[]
}

export interface TermMatch {
  slug: string
  pattern: string
  start: number
  end: number
}

interface Terminal {
  slug: string
  pattern: string
  caseSensitive: boolean
}

interface TrieNode {
  next: Map<number, TrieNode>
  terminals: Terminal[]
}

const newNode = (): TrieNode => ({ next: new Map(), terminals: [] })

function isWordChar(code: number): boolean {
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
  }
  return /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(code))
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160 || code === 0x202f
}

function fold(code: number): number {
  if (isSpace(code)) return 32
  if (code >= 65 && code <= 90) return code + 32
  if (code < 128) return code
  // Curly apostrophes and dashes fold to their ASCII forms so "Steward’s" and "A–D" behave like plain text.
  if (code === 0x2019 || code === 0x2018) return 39
  if (code === 0x2010 || code === 0x2011) return 45
  return String.fromCharCode(code).toLowerCase().charCodeAt(0)
}

export function normalizePattern(pattern: string): string {
  return pattern.trim().replace(/\s+/g, ' ')
}

export function isAcronym(pattern: string): boolean {
  return /\p{Lu}/u.test(pattern) && !/\p{Ll}/u.test(pattern)
}

export class TermMatcher {
  private readonly root: TrieNode = newNode()
  readonly patternCount: number

  constructor(sources: readonly TermPatternSource[]) {
    let count = 0
    for (const { slug, patterns } of sources) {
      for (const raw of patterns) {
        const pattern = normalizePattern(raw)
        if (!pattern) continue
        let node = this.root
        for (let i = 0; i < pattern.length; i++) {
          const code = fold(pattern.charCodeAt(i))
          let child = node.next.get(code)
          if (!child) {
            child = newNode()
            node.next.set(code, child)
          }
          node = child
        }
        node.terminals.push({ slug, pattern, caseSensitive: isAcronym(pattern) })
        count++
      }
    }
    this.patternCount = count
  }

  /** All non-overlapping matches, leftmost-longest, in text order. */
  findAll(text: string): TermMatch[] {
    const matches: TermMatch[] = []
    const length = text.length
    let i = 0
    while (i < length) {
      if (!isWordStart(text, i)) {
        i++
        continue
      }
      const match = this.longestAt(text, i)
      if (match) {
        matches.push(match)
        i = match.end
      } else if (isWordChar(text.charCodeAt(i))) {
        i++
        while (i < length && isWordChar(text.charCodeAt(i))) i++
      } else {
        i++
      }
    }
    return matches
  }

  private longestAt(text: string, start: number): TermMatch | undefined {
    let node: TrieNode | undefined = this.root
    let best: TermMatch | undefined
    for (let j = start; j < text.length && node; j++) {
      node = node.next.get(fold(text.charCodeAt(j)))
      if (!node || node.terminals.length === 0) continue
      const end = j + 1
      for (const terminal of node.terminals) {
        if (terminal.caseSensitive && text.slice(start, end) !== terminal.pattern) continue
        const matchedEnd = wordEndAt(text, end, terminal.pattern)
        if (matchedEnd !== undefined && (!best || matchedEnd > best.end)) {
          best = { slug: terminal.slug, pattern: terminal.pattern, start, end: matchedEnd }
        }
      }
    }
    return best
  }
}

/** A match may start at a word's first character, or at punctuation that does not follow a word character. */
function isWordStart(text: string, i: number): boolean {
  const code = text.charCodeAt(i)
  if (isSpace(code)) return false
  return i === 0 || !isWordChar(text.charCodeAt(i - 1))
}

/** End of the match if the pattern ends on a word boundary, allowing a plural "s"/"es" suffix. */
function wordEndAt(text: string, end: number, pattern: string): number | undefined {
  const lastIsWord = isWordChar(pattern.charCodeAt(pattern.length - 1))
  const boundary = (at: number) => at >= text.length || !lastIsWord || !isWordChar(text.charCodeAt(at))
  if (boundary(end)) return end
  if (!lastIsWord) return undefined
  if (text[end] === 's' && boundary(end + 1)) return end + 1
  if (text[end] === 'e' && text[end + 1] === 's' && boundary(end + 2)) return end + 2
  return undefined
}
