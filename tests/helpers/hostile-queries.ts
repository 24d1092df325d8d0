import { seededRandom } from '@/bench/generate'

// Generated search queries that try to break out of the query syntax: FTS5 and tsquery operators, quotes,
// brackets, escapes, control and invisible characters, emoji, right-to-left text, very long strings.

const pieces = [
  '"', '""', "'", '*', '-', '+', '^', ':', '::', '(', ')', '((', '))', '[', ']', '{', '}', '\\', '\\\\', '/', '|', '&', '!', '<->', '<2>',
  'NEAR', 'NEAR(', 'NEAR/3', 'AND', 'OR', 'NOT', 'and', 'or', 'not', 'title:', 'body:', '{title body}:', 'rank', 'bm25(', 'MATCH',
  '\u0000', '\u0001', '\u0002', '\u0003', '\u0004', '\u200f', '\u200e', '\u202e', '\u2066', '\ufeff', '\u00ad', '\ud83d\ude00', '🧨', '👩‍👩‍👧',
  'مرحبا', 'שלום', 'volatility', 'hedg', 'iron condor', 'A/D line', 'café', 'ß', 'İ', 'ǅ', '%', '_', "' OR 1=1 --", '; DROP TABLE "Answer";',
  '\n', '\t', ' ', '  ', 'a', 'zz', '0', '123', '1e9', '\ud800', '\udfff',
]

function randomUnicode(random: () => number, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += String.fromCodePoint(Math.floor(random() * 0x2ffff))
  return out
}

/** `count` deterministic hostile strings; every 500th is 2,000 characters long. */
export function hostileQueries(count: number, seed = 17): string[] {
  const random = seededRandom(seed)
  const pick = () => pieces[Math.floor(random() * pieces.length)] ?? ''
  return Array.from({ length: count }, (_, i) => {
    if (i % 500 === 0) return Array.from({ length: 2000 }, pick).join('').slice(0, 2000)
    if (i % 7 === 0) return randomUnicode(random, 1 + Math.floor(random() * 30))
    return Array.from({ length: 1 + Math.floor(random() * 8) }, pick).join(random() < 0.5 ? ' ' : '')
  })
}
