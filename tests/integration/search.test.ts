import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { renderToStaticMarkup } from 'react-dom/server'
import { createElement } from 'react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SnippetText } from '@/components/search/SnippetText'
import { ingestContent } from '@/lib/content/ingest'
import { searchAnswers } from '@/lib/search/search'
import { writeContentDir } from '@/tests/helpers/content-dir'
import { searchCorpus } from '@/tests/helpers/search-corpus'
import { createTempDb, type TempDb } from '@/tests/helpers/temp-db'
import { testProvider } from '@/tests/helpers/test-database'

// The search module against the real ingest, on the suite's database (SQLite, or PostgreSQL with TEST_DATABASE).

describe(`search over ingested answers (${testProvider})`, () => {
  let temp: TempDb
  let dir: string
  const ingest = async () => {
    const report = await ingestContent({ contentDir: dir, db: temp.db, write: true })
    expect(report.problems).toEqual([])
  }
  const slugs = async (q: string, extra: Record<string, unknown> = {}) => (await searchAnswers(temp.db, { q, ...extra })).hits.map((hit) => hit.slug)

  beforeAll(async () => {
    temp = await createTempDb()
    dir = writeContentDir(searchCorpus)
    await ingest()
  })
  afterAll(async () => temp.cleanup())

  it('ranks a title match above a body match', async () => {
    expect(await slugs('condor ')).toEqual(['why-trade-an-iron-condor', 'what-moves-option-premiums'])
  })

  it('stems: "hedges" finds "hedging"', async () => {
    expect(await slugs('hedges ')).toEqual(['how-do-portfolio-managers-protect-gains'])
  })

  it('matches the last word as a prefix while typing, and as a whole word after a space', async () => {
    expect(await slugs('protec')).toEqual(['how-do-portfolio-managers-protect-gains'])
    expect(await slugs('protec ')).toEqual([])
  })

  it('keeps "quoted phrases" together', async () => {
    expect(await slugs('"roll yield"')).toEqual(['what-is-roll-yield'])
    expect((await slugs('roll yield ')).sort()).toEqual(['what-is-roll-yield', 'why-roll-a-position-early'])
  })

  it('treats glossary aliases as synonyms and shows the term as a definition card', async () => {
    const results = await searchAnswers(temp.db, { q: 'A/D line ' })
    expect(results.hits.map((hit) => hit.slug)).toEqual(['what-warns-before-a-broad-market-selloff'])
    expect(results.terms).toEqual([{ slug: 'advance-decline-line', term: 'Advance-Decline Line (A/D Line)', short: 'A running total of advancing minus declining stocks.' }])
    expect(results.hits[0]?.snippet.filter((s) => s.highlighted).map((s) => s.text.toLowerCase())).toContain('advance-decline line')
  })

  it('counts facets (categories with the tag filter, tags with the category filter) and filters by them', async () => {
    const all = await searchAnswers(temp.db, { q: 'premium ' })
    expect(all.total).toBe(2)
    expect(all.facets.categories).toEqual([
      { slug: 'iron-condors', name: 'Iron Condors', count: 1 },
      { slug: 'volatility-products', name: 'Volatility Products', count: 1 },
    ])
    expect(all.facets.tags.find((tag) => tag.slug === 'income')).toEqual({ slug: 'income', name: 'income', count: 2 })
    const filtered = await searchAnswers(temp.db, { q: 'premium ', category: 'iron-condors' })
    expect(filtered.total).toBe(1)
    expect(filtered.hits.map((hit) => hit.slug)).toEqual(['why-trade-an-iron-condor'])
    expect(filtered.facets.categories).toHaveLength(2) // the category facet still offers the other category
    expect((await searchAnswers(temp.db, { q: 'premium ', tag: 'premium' })).hits.map((hit) => hit.slug)).toEqual(['what-moves-option-premiums'])
  })

  it('pages through the results with a stable total', async () => {
    const page = (n: number) => searchAnswers(temp.db, { q: 'volatility ', pageSize: 1, page: n })
    const [first, second, third] = [await page(1), await page(2), await page(3)]
    expect(first.total).toBe(2) // the draft mentions volatility too, and is not counted
    expect(second.total).toBe(2)
    expect(first.hits).toHaveLength(1)
    expect(second.hits).toHaveLength(1)
    expect(second.hits[0]?.slug).not.toBe(first.hits[0]?.slug)
    expect(third).toMatchObject({ total: 2, hits: [] })
  })

  it('does not match the facet tokens the index keeps beside the text', async () => {
    const tag = await temp.db.tag.findFirstOrThrow()
    expect(await slugs(`t${tag.id} `)).toEqual([])
    expect(await slugs('premium ', { tag: 'no-such-tag' })).toEqual([])
  })

  it('returns the same shape for an empty or word-less query', async () => {
    expect(await searchAnswers(temp.db, { q: '  " * ( - :' })).toMatchObject({ total: 0, hits: [], terms: [] })
  })

  it('builds snippets from escaped text: markup in an answer stays text', async () => {
    const [hit] = (await searchAnswers(temp.db, { q: 'markup ' })).hits
    expect(hit?.slug).toBe('can-markup-hide-in-an-answer')
    const text = hit?.snippet.map((s) => s.text).join('') ?? ''
    // Where the passage starts differs by database; the <img> text is inside it on both.
    expect(text).toContain('script>')
    expect(text).toContain('<img src=x onerror=alert(2)>')
    const html = renderToStaticMarkup(createElement(SnippetText, { segments: hit?.snippet ?? [] }))
    expect(html).toContain('script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;')
    expect(html).not.toMatch(/<(script|img)/)
    expect(html).toContain('<mark>markup</mark>')
  })

  it('never returns drafts; an unpublished answer leaves the index, and comes back with its file', async () => {
    expect(await slugs('skew ')).toEqual([])
    rmSync(path.join(dir, 'answers/hedging.mdx'))
    await ingest()
    expect(await slugs('hedges ')).toEqual([])
    writeFileSync(path.join(dir, 'answers/hedging.mdx'), searchCorpus['answers/hedging.mdx'] ?? '')
    await ingest()
    expect(await slugs('hedges ')).toEqual(['how-do-portfolio-managers-protect-gains'])
  })

  it('re-indexes the answers a glossary change affects (a new alias finds the linked answer)', async () => {
    expect(await slugs('breadth gauge ')).toEqual([])
    const withAlias = (searchCorpus['glossary/advance-decline-line.mdx'] ?? '').replace('"A/D Line"]', '"A/D Line", "breadth gauge"]')
    writeFileSync(path.join(dir, 'glossary/advance-decline-line.mdx'), withAlias)
    await ingest()
    expect(await slugs('breadth gauge ')).toEqual(['what-warns-before-a-broad-market-selloff'])
  })
})
