// 200 fixed queries for the search benchmark: single words, two words, phrases, prefixes (typing), filtered.
import { benchTerms, seededRandom } from './generate'
import { benchCategories } from './search-corpus'

export interface BenchQuery {
  kind: 'word' | 'two words' | 'phrase' | 'prefix' | 'filtered'
  q: string
  category?: string
  tag?: string
}

const vocabulary = 'volatility hedges premium strikes expiry spreads credit delta gamma theta decay futures curve inflation traders sizing losses rolling contracts breadth momentum divergence inverted regime capital buffer signals'.split(' ')
const phrases = ['"credit spread"', '"iron condor"', '"implied volatility"', '"term structure"', '"VIX futures"', '"time value"', '"front month"', '"daily moves"']

export function benchQueries(): BenchQuery[] {
  const random = seededRandom(99)
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T
  const out: BenchQuery[] = []
  for (let i = 0; i < 60; i++) out.push({ kind: 'word', q: `${pick(vocabulary)} ` })
  for (let i = 0; i < 50; i++) out.push({ kind: 'two words', q: `${pick(vocabulary)} ${pick(vocabulary)} ` })
  for (let i = 0; i < 35; i++) out.push({ kind: 'phrase', q: `${pick(phrases)} ${i % 2 ? pick(vocabulary) : ''}`.trim() })
  for (let i = 0; i < 35; i++) {
    const word = pick([...vocabulary, ...benchTerms.map((t) => t.toLowerCase())])
    out.push({ kind: 'prefix', q: i % 3 ? word.slice(0, 3 + (i % 4)) : `${pick(vocabulary)} ${word.slice(0, 4)}` })
  }
  for (let i = 0; i < 20; i++) {
    const category = pick(benchCategories).toLowerCase().replace(/[^a-z0-9]+/g, '-')
    out.push(i % 2 ? { kind: 'filtered', q: `${pick(vocabulary)} `, category } : { kind: 'filtered', q: `${pick(vocabulary)} `, tag: pick(['hedging', 'income', 'skew', 'puts']) })
  }
  return out
}
