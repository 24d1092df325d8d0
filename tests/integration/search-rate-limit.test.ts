import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

// A small limit, so "429 after N" is quick to reach; set before the route reads the environment.
vi.hoisted(() => {
  process.env.SEARCH_RATE_LIMIT_MAX = '4'
  process.env.SEARCH_RATE_LIMIT_WINDOW_SECONDS = '60'
})

import { GET } from '@/app/api/search/route'
import { consumeSearchAllowance } from '@/lib/search/search-rate-limit'
import { searchGet, seedSearchCorpus } from '@/tests/helpers/search-requests'
import { testProvider } from '@/tests/helpers/test-database'

beforeAll(seedSearchCorpus)
afterEach(() => {
  vi.useRealTimers()
})

describe(`search rate limit (SEARCH_RATE_LIMIT_MAX per window per client, ${testProvider})`, () => {
  it('answers 429 with Retry-After after N searches, per client, shared with the search page, and lets the next window through', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2031-06-01T10:00:20Z'))
    const search = (address: string) => GET(searchGet('q=condor', address))
    for (let i = 0; i < 3; i++) expect((await search('198.51.100.30')).status).toBe(200)
    // The page spends the same allowance (lib/search/search-rate-limit.ts), so the fourth is the last.
    expect(await consumeSearchAllowance(searchGet('', '198.51.100.30').headers)).toEqual({ allowed: true, remaining: 0 })
    const refused = await search('198.51.100.30')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('40')
    expect(await refused.json()).toEqual({ error: 'too many searches; try again in a moment' })
    expect(await consumeSearchAllowance(searchGet('', '198.51.100.30').headers)).toEqual({ allowed: false, retryAfterSeconds: 40 })
    expect((await search('198.51.100.31')).status).toBe(200)
    vi.setSystemTime(new Date('2031-06-01T10:01:00Z'))
    expect((await search('198.51.100.30')).status).toBe(200)
  })

  it('answers 503 when the client address is unknown (the peer-address hook did not run)', async () => {
    const request = new Request('http://localhost/api/search?q=condor')
    expect((await GET(request)).status).toBe(503)
    expect(await consumeSearchAllowance(request.headers)).toBeNull()
  })
})
