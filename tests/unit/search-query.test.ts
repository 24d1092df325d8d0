import { describe, expect, it } from 'vitest'
import { ftsMatchExpression } from '@/lib/search/sqlite-search'
import { tsQueryText } from '@/lib/search/postgres-search'
import { parseQuery } from '@/lib/search/query'
import { toSegments } from '@/lib/search/snippet-segments'
import { expandWithGlossary } from '@/lib/search/synonyms'

const adLine = { slug: 'advance-decline-line', term: 'Advance-Decline Line (A/D Line)', short: 'Breadth.', aliases: ['A/D Line', 'advance/decline line'] }

describe('parseQuery', () => {
  it('splits words and "quoted phrases", folds case and diacritics, marks the word being typed as a prefix', () => {
    expect(parseQuery('Café "Iron Condor" vol').groups).toEqual([
      { alternatives: [{ words: ['cafe'], prefix: false }] },
      { alternatives: [{ words: ['iron', 'condor'], prefix: false }] },
      { alternatives: [{ words: ['vol'], prefix: true }] },
    ])
    expect(parseQuery('vol ').groups).toEqual([{ alternatives: [{ words: ['vol'], prefix: false }] }])
    expect(parseQuery('v').groups).toEqual([{ alternatives: [{ words: ['v'], prefix: false }] }])
  })

  it('treats operators and syntax characters as text: only words survive', () => {
    expect(parseQuery('NOT (a* OR -b) NEAR/3 title:c\\ \u0000d').groups.map((g) => g.alternatives[0]?.words.join(' '))).toEqual(['not', 'a', 'or', 'b', 'near', '3', 'title', 'c', 'd'])
    expect(parseQuery('"unbalanced phrase').groups).toEqual([{ alternatives: [{ words: ['unbalanced', 'phrase'], prefix: true }] }])
  })

  it('caps the query at 200 characters and ignores input that is not a string', () => {
    expect(parseQuery('x'.repeat(5000)).text).toHaveLength(200)
    expect(parseQuery(42).groups).toEqual([])
  })
})

describe('the dialect expressions', () => {
  const groups = expandWithGlossary(parseQuery('a/d line "roll yield" hed'), [adLine]).groups
  it('quote every FTS5 token', () => {
    expect(ftsMatchExpression(groups)).toBe('{title tags terms summary body} : (("advance decline line a d line" OR "advance decline line" OR "a d line") AND ("roll yield") AND ("hed" *))')
  })
  it('quote every tsquery lexeme', () => {
    expect(tsQueryText(groups)).toContain(`('roll' <-> 'yield')`)
    expect(tsQueryText(groups)).toContain(`'hed':*`)
  })
})

describe('expandWithGlossary', () => {
  it('turns a named term into all of its names, and lists it as a card', () => {
    const expanded = expandWithGlossary(parseQuery('A/D line divergence'), [adLine])
    expect(expanded.groups[0]?.alternatives.map((a) => a.words.join(' '))).toEqual(['advance decline line a d line', 'advance decline line', 'a d line'])
    expect(expanded.groups[1]?.alternatives).toEqual([{ words: ['divergence'], prefix: true }])
    expect(expanded.matchedTerms.map((t) => t.slug)).toEqual(['advance-decline-line'])
  })
  it('offers a card for a term being typed', () => {
    expect(expandWithGlossary(parseQuery('advance-dec'), [adLine]).matchedTerms.map((t) => t.slug)).toEqual(['advance-decline-line'])
  })
})

describe('toSegments', () => {
  it('splits the marked snippet into text and highlighted pieces, joining adjacent marks', () => {
    expect(toSegments('a \u0001iron\u0002 \u0001condor\u0002 <b>')).toEqual([
      { text: 'a ', highlighted: false },
      { text: 'iron condor', highlighted: true },
      { text: ' <b>', highlighted: false },
    ])
  })
})
