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
  /** Children by folded UTF-16 code unit: a dense array for ASCII (the hot path), a map for the rest. */
  ascii: (TrieNode | undefined)[] | undefined
  other: Map<number, TrieNode> | undefined
  terminals: Terminal[] | undefined
}

const newNode = (): TrieNode => ({ ascii: undefined, other: undefined, terminals: undefined })

function childOf(node: TrieNode, code: number): TrieNode | undefined {
  return code < 128 ? node.ascii?.[code] : node.other?.get(code)
}

// ASCII lookup tables: 1 = word character; folded = lower-case letters, spaces/tabs/newlines as one space.
const asciiWord = new Uint8Array(128)
const asciiFold = new Uint8Array(128)
for (let code = 0; code < 128; code++) {
  asciiWord[code] = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 ? 1 : 0
  asciiFold[code] = code === 9 || code === 10 || code === 13 ? 32 : code >= 65 && code <= 90 ? code + 32 : code
}
const unicodeWord = /[\p{L}\p{N}\p{M}]/u

function isWordChar(code: number): boolean {
  return code < 128 ? asciiWord[code] === 1 : unicodeWord.test(String.fromCharCode(code))
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160 || code === 0x202f
}

function fold(code: number): number {
  if (code < 128) return asciiFold[code] as number
  if (code === 160 || code === 0x202f) return 32
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
          let child = childOf(node, code)
          if (!child) {
            child = newNode()
            if (code < 128) (node.ascii ??= new Array<TrieNode | undefined>(128).fill(undefined))[code] = child
            else (node.other ??= new Map()).set(code, child)
          }
          node = child
        }
        ;(node.terminals ??= []).push({ slug, pattern, caseSensitive: isAcronym(pattern) })
        count++
      }
    }
    this.patternCount = count
  }

  /**
   * All non-overlapping matches, leftmost-longest, in text order. A match may start where a word starts, or at
   * punctuation that does not follow a word character; it never starts inside a word.
   */
  findAll(text: string): TermMatch[] {
    const matches: TermMatch[] = []
    const length = text.length
    let previousIsWord = false
    let i = 0
    while (i < length) {
      const code = text.charCodeAt(i)
      const isWord = isWordChar(code)
      if (!previousIsWord && !isSpace(code)) {
        const match = this.longestAt(text, i)
        if (match) {
          matches.push(match)
          i = match.end
          previousIsWord = isWordChar(text.charCodeAt(i - 1))
          continue
        }
      }
      previousIsWord = isWord
      i++
    }
    return matches
  }

  private longestAt(text: string, start: number): TermMatch | undefined {
    let node: TrieNode | undefined = this.root
    let best: Terminal | undefined
    let bestEnd = -1
    for (let j = start; j < text.length; j++) {
      node = childOf(node, fold(text.charCodeAt(j)))
      if (!node) break
      if (!node.terminals) continue
      const end = j + 1
      for (const terminal of node.terminals) {
        if (terminal.caseSensitive && !text.startsWith(terminal.pattern, start)) continue
        const matchedEnd = wordEndAt(text, end, terminal.pattern)
        if (matchedEnd !== undefined && matchedEnd > bestEnd) {
          best = terminal
          bestEnd = matchedEnd
        }
      }
    }
    return best ? { slug: best.slug, pattern: best.pattern, start, end: bestEnd } : undefined
  }
}

/** End of the match if the pattern ends on a word boundary, allowing a plural "s"/"es" suffix. */
function wordEndAt(text: string, end: number, pattern: string): number | undefined {
  if (!isWordChar(pattern.charCodeAt(pattern.length - 1))) return end
  if (isBoundary(text, end)) return end
  if (text.charCodeAt(end) === 115 && isBoundary(text, end + 1)) return end + 1
  if (text.charCodeAt(end) === 101 && text.charCodeAt(end + 1) === 115 && isBoundary(text, end + 2)) return end + 2
  return undefined
}

function isBoundary(text: string, at: number): boolean {
  return at >= text.length || !isWordChar(text.charCodeAt(at))
}
