import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

// A small limit, so "429 after N" is quick to reach; set before the route reads the environment.
vi.hoisted(() => {
  process.env.VIEW_RATE_LIMIT_MAX = '5'
  process.env.VIEW_RATE_LIMIT_WINDOW_SECONDS = '60'
})

import { POST } from '@/app/api/views/route'
import { consumeRateLimit } from '@/lib/data/rate-limit'
import { createDb } from '@/lib/db'
import { env } from '@/lib/env'
import { publicSlug, seedViewAnswers, slugBody, viewPost } from '@/tests/helpers/view-requests'

beforeAll(seedViewAnswers)
afterEach(() => {
  vi.useRealTimers()
})

describe('view POST rate limit (VIEW_RATE_LIMIT_MAX per VIEW_RATE_LIMIT_WINDOW_SECONDS per client)', () => {
  it('answers 429 with Retry-After after N requests in a window, per client, and lets the next window through', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2031-06-01T10:00:15Z'))
    const post = (address: string) => POST(viewPost(slugBody(publicSlug), { address }))
    for (let i = 0; i < 5; i++) expect((await post('198.51.100.20')).status).toBe(200)
    const refused = await post('198.51.100.20')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('45')
    expect(refused.headers.get('cache-control')).toBe('no-store')
    expect(await refused.json()).toEqual({ error: 'too many view requests; try again later' })
    // Another client has its own budget; one IPv6 /64 shares one.
    expect((await post('198.51.100.21')).status).toBe(200)
    for (let i = 0; i < 5; i++) expect((await post(`2001:db8:5:5::${i + 1}`)).status).toBe(200)
    expect((await post('2001:db8:5:5::99')).status).toBe(429)
    vi.setSystemTime(new Date('2031-06-01T10:01:00Z'))
    expect((await post('198.51.100.20')).status).toBe(200)
  })

  it('requests the guard refuses (415) use no budget; requests that reach the database (404) do', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2031-06-02T10:00:00Z'))
    for (let i = 0; i < 10; i++) expect((await POST(viewPost(slugBody(publicSlug), { address: '198.51.100.22', headers: { 'content-type': 'text/plain' } }))).status).toBe(415)
    for (let i = 0; i < 5; i++) expect((await POST(viewPost(slugBody(`no-such-answer-${i}`), { address: '198.51.100.22' }))).status).toBe(404)
    expect((await POST(viewPost(slugBody(publicSlug), { address: '198.51.100.22' }))).status).toBe(429)
  })
})

describe('consumeRateLimit', () => {
  it('keeps buckets apart and prunes only ended windows of its own bucket', async () => {
    const minute = { bucket: 'test-minute', limit: 2, windowSeconds: 60 }
    const hour = { bucket: 'test-hour', limit: 1, windowSeconds: 3600 }
    const at = (iso: string) => new Date(iso)
    expect(await consumeRateLimit(minute, 'subject', at('2031-07-01T10:00:00Z'))).toEqual({ allowed: true, remaining: 1 })
    expect(await consumeRateLimit(hour, 'subject', at('2031-07-01T10:00:00Z'))).toEqual({ allowed: true, remaining: 0 })
    expect(await consumeRateLimit(minute, 'subject', at('2031-07-01T10:00:30Z'))).toEqual({ allowed: true, remaining: 0 })
    expect(await consumeRateLimit(minute, 'subject', at('2031-07-01T10:00:59.5Z'))).toEqual({ allowed: false, retryAfterSeconds: 1 })
    expect(await consumeRateLimit(hour, 'subject', at('2031-07-01T10:30:00Z'))).toEqual({ allowed: false, retryAfterSeconds: 1800 })
    await consumeRateLimit(minute, 'other subject', at('2031-07-01T10:05:00Z'))
    const db = createDb(env.DATABASE_URL)
    const rows = await db.rateLimit.findMany({ where: { key: { startsWith: 'test-' } }, orderBy: { key: 'asc' } })
    await db.$disconnect()
    // The minute bucket's row from 10:00 is gone (window ended); the hour bucket's row, still in its window, stays.
    expect(rows.map((row) => [row.key.split(':')[0], row.windowStart.toISOString(), row.count])).toEqual(
      expect.arrayContaining([
        ['test-hour', '2031-07-01T10:00:00.000Z', 2],
        ['test-minute', '2031-07-01T10:05:00.000Z', 1],
      ]),
    )
    expect(rows).toHaveLength(2)
    await expect(consumeRateLimit({ ...minute, bucket: 'Bad:Name' }, 'subject', new Date())).rejects.toThrow(/must match/)
  })
})
