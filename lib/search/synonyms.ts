import { wordsOf, type ParsedQuery, type Phrase, type QueryGroup } from '@/lib/search/query'

// Glossary aliases as synonyms: where the query's words spell a glossary term or one of its aliases ("A/D line"),
// that part of the query matches any of the entry's names ("advance-decline line", "advance/decline line", ...).

export interface GlossaryNames {
  slug: string
  term: string
  short: string
  aliases: readonly string[]
}

export interface ExpandedQuery {
  groups: QueryGroup[]
  /** Entries the query names (or, while typing, starts to name), in query order: the definition cards. */
  matchedTerms: GlossaryNames[]
}

/** The entry's names as word lists: the term, the term without its "(…)" part and that part, each alias. */
export function namesOf(entry: GlossaryNames): string[][] {
  const parenthetical = /\(([^)]*)\)/g
  const names = [entry.term, entry.term.replace(parenthetical, ' '), ...[...entry.term.matchAll(parenthetical)].map((m) => m[1] ?? ''), ...entry.aliases]
  const seen = new Set<string>()
  return names.map(wordsOf).filter((words) => {
    const key = words.join(' ')
    if (!key || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export function expandWithGlossary(query: ParsedQuery, glossary: readonly GlossaryNames[]): ExpandedQuery {
  const byName = new Map<string, GlossaryNames>()
  let longest = 0
  for (const entry of glossary) {
    for (const words of namesOf(entry)) {
      byName.set(words.join(' '), entry)
      longest = Math.max(longest, words.length)
    }
  }
  const groups: QueryGroup[] = []
  const matched: GlossaryNames[] = []
  const phrases = query.groups.map((group) => group.alternatives[0]).filter((phrase): phrase is Phrase => phrase !== undefined)
  let i = 0
  while (i < phrases.length) {
    const hit = longestNameAt(phrases, i, byName, longest)
    if (!hit) {
      groups.push({ alternatives: [phrases[i] as Phrase] })
      i += 1
      continue
    }
    const original = phrases.slice(i, hit.end).flatMap((phrase) => phrase.words)
    const prefix = phrases[hit.end - 1]?.prefix ?? false
    const names = namesOf(hit.entry).map((words) => ({ words, prefix: false }))
    groups.push({ alternatives: prefix ? [{ words: original, prefix: true }, ...names] : names })
    if (!matched.includes(hit.entry)) matched.push(hit.entry)
    i = hit.end
  }
  return { groups, matchedTerms: [...matched, ...typedTerms(phrases, byName, matched)] }
}

/** The longest run of phrases from `start` whose words are a glossary name (a quoted phrase only as a whole). */
function longestNameAt(phrases: readonly Phrase[], start: number, byName: ReadonlyMap<string, GlossaryNames>, longest: number) {
  const words: string[] = []
  let best: { entry: GlossaryNames; end: number } | undefined
  for (let end = start; end < phrases.length && words.length < longest; end++) {
    words.push(...(phrases[end]?.words ?? []))
    const entry = byName.get(words.join(' '))
    if (entry) best = { entry, end: end + 1 }
  }
  return best
}

/** While the visitor types ("contan"), the entries whose name starts with the whole query. */
function typedTerms(phrases: readonly Phrase[], byName: ReadonlyMap<string, GlossaryNames>, already: readonly GlossaryNames[]): GlossaryNames[] {
  if (!phrases.at(-1)?.prefix) return []
  const typed = phrases.flatMap((phrase) => phrase.words).join(' ')
  const found: GlossaryNames[] = []
  for (const [name, entry] of byName) {
    if (name.startsWith(typed) && !already.includes(entry) && !found.includes(entry)) found.push(entry)
    if (found.length >= 3) break
  }
  return found
}
