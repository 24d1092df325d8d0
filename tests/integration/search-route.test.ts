import { beforeAll, describe, expect, it, vi } from 'vitest'

// The route's rate limit has its own file (search-rate-limit.test.ts); here it must stay out of the way.
vi.hoisted(() => {
  process.env.SEARCH_RATE_LIMIT_MAX = '1000000'
})

import { GET, POST } from '@/app/api/search/route'
import type { SearchResults } from '@/lib/search/search-types'
import { hostileQueries } from '@/tests/helpers/hostile-queries'
import { searchGet, seedSearchCorpus } from '@/tests/helpers/search-requests'
import { testProvider } from '@/tests/helpers/test-database'

beforeAll(seedSearchCorpus)

async function results(query: string): Promise<SearchResults> {
  const response = await GET(searchGet(query))
  expect(response.status).toBe(200)
  expect(response.headers.get('cache-control')).toBe('no-store')
  return (await response.json()) as SearchResults
}

describe(`GET /api/search (${testProvider})`, () => {
  it('answers the ranked results as JSON, title matches first, with snippets and facets', async () => {
    const body = await results('q=condor&pageSize=5')
    expect(body.hits.map((hit) => hit.title)).toEqual(['Why trade an iron condor?', 'What moves option premiums?'])
    expect(body.pageSize).toBe(5)
    expect(body.hits[1]?.snippet.some((segment) => segment.highlighted && segment.text.toLowerCase() === 'condor')).toBe(true)
    expect(body.facets.categories.map((c) => [c.slug, c.count])).toEqual([
      ['iron-condors', 1],
      ['volatility-products', 1],
    ])
  })

  it('applies the category and tag filters and pages', async () => {
    expect((await results('q=roll&category=iron-condors')).hits.map((hit) => hit.title)).toEqual(['Why roll a position early?'])
    expect((await results('q=roll&tag=futures&pageSize=1&page=2')).hits).toHaveLength(1)
    expect((await results('q=roll&tag=no-such-tag')).total).toBe(0)
  })

  it('takes the first of repeated parameters and falls back to defaults on nonsense', async () => {
    const body = await results('q=condor&q=roll&page=abc&pageSize=-4&category=..%2F..')
    expect(body.query).toBe('condor')
    expect(body.page).toBe(1)
    expect(body.pageSize).toBe(10)
    expect(body.total).toBe(2)
  })

  it('answers 10,000 generated hostile query strings with 200, never an error', async () => {
    const queries = hostileQueries(10_000)
    let withHits = 0
    for (const [i, q] of queries.entries()) {
      const params = new URLSearchParams({ q })
      if (i % 7 === 0) params.set('page', i % 2 ? '99999999999999999999' : '2')
      if (i % 11 === 0) params.set('category', q.slice(0, 30))
      const response = await GET(searchGet(params.toString(), `198.51.100.${i % 250}`))
      if (response.status !== 200) throw new Error(`query ${JSON.stringify(q)} answered ${response.status}: ${await response.text()}`)
      const body = (await response.json()) as SearchResults
      expect(body.query.length).toBeLessThanOrEqual(200)
      if (body.total > 0) withHits++
    }
    expect(withHits).toBeGreaterThan(300)
  }, 120_000)

  it('answers raw, badly encoded query strings too', async () => {
    for (const raw of ['q=%', 'q=%E0%A4%A', 'q=%00%00', 'q=' + '%22'.repeat(500), 'q=NEAR(a%20b)&page=%FF', '&&&=', 'q[]=x', 'q=' + 'a'.repeat(5000)]) {
      const response = await GET(searchGet(raw))
      expect(response.status, raw).toBe(200)
    }
  })

  it('refuses other methods with 405', async () => {
    const response = POST()
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET')
  })
})
