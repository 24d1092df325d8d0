import { z } from 'zod'

// A visitor's query, parsed in TypeScript into plain lower-case word tokens. Neither FTS5 nor tsquery syntax is
// ever taken from the input: each dialect builds its expression from these tokens (letters and digits only).

export const maxQueryLength = 200
const maxPhrases = 12
const maxWordsPerPhrase = 8

/** One run of words that must appear together (a single word is a phrase of one). */
export interface Phrase {
  words: string[]
  /** The last word may be the start of a longer one (the visitor is still typing it). */
  prefix: boolean
}

/** Alternatives for one part of the query (a phrase, or a glossary term and its aliases): any may match. */
export interface QueryGroup {
  alternatives: Phrase[]
}

export interface ParsedQuery {
  /** Every group must match (AND); empty when the query has no searchable words. */
  groups: QueryGroup[]
  /** The query as searched (trimmed, capped), for display. */
  text: string
}

// Control characters, bidi marks and other invisible format characters never mean anything in a query.
const invisible = /[\p{Cc}\p{Cf}]/gu
const wordPattern = /[\p{L}\p{N}]+/gu

/** Lower-case, without diacritics ("Café" → "cafe"), the same folding both indexes apply. */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The word tokens of a text, folded; what the indexes' tokenizers would see (punctuation splits words). */
export function wordsOf(text: string): string[] {
  return (text.normalize('NFKD').replace(/\p{M}/gu, '').match(wordPattern) ?? []).map(foldWord).filter((word) => word.length > 0)
}

/** Any string in (the route's query parameter, a test's fuzz input): capped, cleaned, never an error. */
export const queryTextSchema = z
  .string()
  .catch('')
  .transform((raw) => raw.replace(invisible, ' ').slice(0, maxQueryLength))

/**
 * Words and "quoted phrases"; an unbalanced quote runs to the end. The last word is a prefix while the visitor is
 * typing it (no space or closing quote after it, at least two characters: one-letter prefixes match everything).
 */
export function parseQuery(raw: unknown): ParsedQuery {
  const untrimmed = queryTextSchema.parse(raw)
  const text = untrimmed.trim()
  const phrases: Phrase[] = []
  const pieces = text.split('"')
  pieces.forEach((piece, index) => {
    const quoted = index % 2 === 1
    const words = wordsOf(piece)
    if (quoted) {
      if (words.length > 0) phrases.push({ words: words.slice(0, maxWordsPerPhrase), prefix: false })
    } else {
      for (const word of words) phrases.push({ words: [word], prefix: false })
    }
  })
  const last = phrases.at(-1)
  // A trailing space means the last word is finished.
  const endsInWord = /[\p{L}\p{N}]$/u.test(untrimmed)
  const lastQuoteOpen = pieces.length % 2 === 0
  if (last && endsInWord && (last.words.length === 1 || lastQuoteOpen) && (last.words.at(-1)?.length ?? 0) >= 2) {
    last.prefix = true
  }
  return { text, groups: dedupe(phrases).slice(0, maxPhrases).map((phrase) => ({ alternatives: [phrase] })) }
}

const phraseKey = (phrase: Phrase) => `${phrase.words.join(' ')}${phrase.prefix ? '*' : ''}`

function dedupe(phrases: Phrase[]): Phrase[] {
  const seen = new Set<string>()
  return phrases.filter((phrase) => {
    const key = phraseKey(phrase)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export { phraseKey }
