import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

// This file tests de-duplication and the request guard; the rate limit (views-rate-limit.test.ts) must stay out
// of the way, so it is raised before the route reads the environment.
vi.hoisted(() => {
  process.env.VIEW_RATE_LIMIT_MAX = '100000'
})

import { GET, POST } from '@/app/api/views/route'
import { createDb } from '@/lib/db'
import { env } from '@/lib/env'
import { viewsPerNetworkPerDay } from '@/lib/data/views'
import { draftSlug, otherSlug, publicSlug, seedViewAnswers, siteOrigin, slugBody, viewGet, viewPost } from '@/tests/helpers/view-requests'

beforeAll(seedViewAnswers)
afterEach(() => {
  vi.useRealTimers()
})

async function views(slug: string = publicSlug): Promise<number> {
  const response = await GET(viewGet(slug))
  const body = (await response.json()) as { views: number }
  return body.views
}

async function expectError(response: Response, status: number, error: RegExp): Promise<void> {
  expect(response.status).toBe(status)
  expect(response.headers.get('cache-control')).toBe('no-store')
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  const body = (await response.json()) as { error: string }
  expect(body.error).toMatch(error)
}

/** A body of `totalBytes` produced on demand; `pulled()` says how much of it the route asked for. */
function streamedBody(totalBytes: number, chunkBytes = 64 * 1024) {
  let pulled = 0
  const chunk = new Uint8Array(chunkBytes).fill(0x20) // JSON whitespace: only the size makes it invalid
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= totalBytes) return controller.close()
        pulled += chunkBytes
        controller.enqueue(chunk.slice())
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, pulled: () => pulled }
}

describe('POST /api/views: one view per visitor per answer per day', () => {
  it('counts 200 POSTs from one client exactly once', async () => {
    const before = await views()
    const started = performance.now()
    const responses = []
    for (let i = 0; i < 200; i++) responses.push(await POST(viewPost(slugBody(publicSlug), { address: '198.51.100.1' })))
    const elapsed = performance.now() - started
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { views: number; counted: boolean }[]
    expect(responses.every((r) => r.status === 200)).toBe(true)
    expect(bodies.filter((b) => b.counted)).toHaveLength(1)
    expect(bodies.every((b) => b.views === before + 1)).toBe(true)
    expect(await views()).toBe(before + 1)
    console.info(`200 sequential POSTs from one client: ${elapsed.toFixed(0)} ms (${(elapsed / 200).toFixed(2)} ms each)`)
  })

  it('counts 50 concurrent POSTs from one client once', async () => {
    const before = await views()
    const responses = await Promise.all(Array.from({ length: 50 }, () => POST(viewPost(slugBody(publicSlug), { address: '198.51.100.2' }))))
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200))
    expect(await views()).toBe(before + 1)
  })

  it('counts one network at most three times a day for an answer, however many user agents it sends', async () => {
    const before = await views()
    const responses = []
    for (let i = 0; i < 20; i++) responses.push(await POST(viewPost(slugBody(publicSlug), { address: '198.51.100.77', userAgent: `Rotating agent ${i}` })))
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200))
    expect(await views()).toBe(before + viewsPerNetworkPerDay)
    // Another network is its own visitor.
    await POST(viewPost(slugBody(publicSlug), { address: '198.51.100.78', userAgent: 'Rotating agent 0' }))
    expect(await views()).toBe(before + viewsPerNetworkPerDay + 1)
  })

  it('counts two clients twice, and a new user agent on the same address as another visitor', async () => {
    const before = await views()
    await POST(viewPost(slugBody(publicSlug), { address: '198.51.100.3' }))
    await POST(viewPost(slugBody(publicSlug), { address: '198.51.100.4' }))
    await POST(viewPost(slugBody(publicSlug), { address: '198.51.100.4' }))
    expect(await views()).toBe(before + 2)
    await POST(viewPost(slugBody(publicSlug), { address: '198.51.100.4', userAgent: 'Another browser' }))
    expect(await views()).toBe(before + 3)
  })

  it('counts a visitor once per answer, not once overall', async () => {
    const [a, b] = [await views(publicSlug), await views(otherSlug)]
    await POST(viewPost(slugBody(publicSlug), { address: '198.51.100.5' }))
    await POST(viewPost(slugBody(otherSlug), { address: '198.51.100.5' }))
    expect([await views(publicSlug), await views(otherSlug)]).toEqual([a + 1, b + 1])
  })

  it('treats every address in one IPv6 /64 as one visitor', async () => {
    const before = await views()
    await POST(viewPost(slugBody(publicSlug), { address: '2001:db8:1:2::1' }))
    await POST(viewPost(slugBody(publicSlug), { address: '2001:db8:1:2:ffff:ffff:ffff:fffe' }))
    await POST(viewPost(slugBody(publicSlug), { address: '2001:db8:1:3::1' }))
    expect(await views()).toBe(before + 2)
  })

  it('counts the same visitor again on the next UTC day and prunes marks older than yesterday', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const post = () => POST(viewPost(slugBody(publicSlug), { address: '198.51.100.6' }))
    const before = await views()
    vi.setSystemTime(new Date('2031-05-01T23:59:58Z'))
    await post()
    await post()
    expect(await views()).toBe(before + 1)
    vi.setSystemTime(new Date('2031-05-02T00:00:01Z'))
    await post()
    expect(await views()).toBe(before + 2)
    vi.setSystemTime(new Date('2031-05-04T12:00:00Z'))
    await post()
    expect(await views()).toBe(before + 3)
    const db = createDb(env.DATABASE_URL)
    const days = (await db.viewMark.findMany({ select: { day: true }, distinct: ['day'], orderBy: { day: 'asc' } })).map((m) => m.day)
    await db.$disconnect()
    expect(days[0]).toBe('2031-05-04')
  })

  it('stores no address or user agent, only keyed hashes', async () => {
    await POST(viewPost(slugBody(publicSlug), { address: '192.0.2.99', userAgent: 'Distinctive Agent 7' }))
    const db = createDb(env.DATABASE_URL)
    const stored = JSON.stringify([await db.viewMark.findMany(), await db.rateLimit.findMany()])
    const secrets = await db.appSecret.findMany()
    await db.$disconnect()
    expect(stored).not.toMatch(/192\.0\.2\.99|Distinctive/)
    expect(secrets.map((s) => s.name)).toEqual(['visitor-hash'])
    expect(secrets[0]?.value).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })
})

describe('POST /api/views: what the guard refuses counts nothing', () => {
  it('refuses anything but JSON with 415', async () => {
    const before = await views()
    await expectError(await POST(viewPost(slugBody(publicSlug), { headers: { 'content-type': 'text/plain' } })), 415, /content type must be application\/json/)
    await expectError(await POST(viewPost(slugBody(publicSlug), { headers: { 'content-type': 'application/x-www-form-urlencoded' } })), 415, /application\/json/)
    await expectError(await POST(viewPost(slugBody(publicSlug), { without: ['content-type'] })), 415, /application\/json/)
    expect(await views()).toBe(before)
    const withCharset = await POST(viewPost(slugBody(publicSlug), { address: '198.51.100.7', headers: { 'content-type': 'Application/JSON; charset=utf-8' } }))
    expect(withCharset.status).toBe(200)
  })

  it('refuses cross-site requests with 403, by Sec-Fetch-Site and by Origin', async () => {
    const before = await views()
    const crossSite: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: siteOrigin.replace(/:\d+$/, '') + ':1' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' },
    ]
    for (const headers of crossSite) await expectError(await POST(viewPost(slugBody(publicSlug), { headers })), 403, /cross-site request refused/)
    // A cross-site text/plain form post (no CORS preflight) is refused before its content type is looked at.
    await expectError(await POST(viewPost(slugBody(publicSlug), { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' } })), 403, /cross-site/)
    expect(await views()).toBe(before)
  })

  it('accepts a client that sends neither Origin nor Sec-Fetch-Site (not a browser; documented)', async () => {
    const before = await views()
    const response = await POST(viewPost(slugBody(publicSlug), { address: '198.51.100.8', without: ['origin', 'sec-fetch-site'] }))
    expect(response.status).toBe(200)
    expect(await views()).toBe(before + 1)
  })

  it('refuses a 2 KB body with 413, whether or not Content-Length says so', async () => {
    const before = await views()
    const big = JSON.stringify({ slug: publicSlug, padding: 'x'.repeat(2048) })
    await expectError(await POST(viewPost(big, { headers: { 'content-length': String(big.length) } })), 413, /larger than 1024 bytes/)
    const lying = streamedBody(2048, 512)
    await expectError(await POST(viewPost(lying.stream, { headers: { 'content-length': '20' } })), 413, /larger than 1024 bytes/)
    const unannounced = streamedBody(2048, 512)
    await expectError(await POST(viewPost(unannounced.stream)), 413, /larger than 1024 bytes/)
    expect(await views()).toBe(before)
    const response = await POST(viewPost(big, { headers: { 'content-length': String(big.length) } }))
    expect(response.headers.get('connection')).toBe('close')
  })

  it('stops reading a 50 MB streamed body at the cap and answers 413 at once', async () => {
    const fifty = 50 * 1024 * 1024
    const heapBefore = process.memoryUsage().heapUsed
    const started = performance.now()
    const upload = streamedBody(fifty)
    const response = await POST(viewPost(upload.stream))
    const elapsed = performance.now() - started
    await expectError(response, 413, /larger than 1024 bytes/)
    expect(upload.pulled()).toBeLessThanOrEqual(64 * 1024)
    expect(elapsed).toBeLessThan(1000)
    const declared = streamedBody(fifty)
    await expectError(await POST(viewPost(declared.stream, { headers: { 'content-length': String(fifty) } })), 413, /larger/)
    expect(declared.pulled()).toBe(0)
    const heapGrowth = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024
    console.info(`50 MB streamed body: 413 after ${elapsed.toFixed(1)} ms, ${upload.pulled() / 1024} KB pulled, heap +${heapGrowth.toFixed(1)} MB`)
  })

  it('answers 400 for bodies that are not a valid request, 404 for unknown or draft answers', async () => {
    const before = await views()
    await expectError(await POST(viewPost('{"slug":')), 400, /not valid JSON/)
    await expectError(await POST(viewPost(new Uint8Array([0x7b, 0xff, 0x7d]))), 400, /not valid UTF-8/)
    await expectError(await POST(viewPost(slugBody('../etc'))), 400, /slug: slug must be lower-case/)
    await expectError(await POST(viewPost('"just a string"')), 400, /body: /)
    await expectError(await POST(viewPost(slugBody(publicSlug), { headers: { 'content-length': '12abc' } })), 400, /Content-Length/)
    await expectError(await POST(viewPost(slugBody('no-such-answer'))), 404, /unknown answer/)
    await expectError(await POST(viewPost(slugBody(draftSlug))), 404, /unknown answer/)
    expect(await views()).toBe(before)
    const db = createDb(env.DATABASE_URL)
    // The mark for an unknown slug was rolled back with its transaction, so the slug can still be counted later.
    expect(await db.answer.findFirst({ where: { slug: draftSlug }, select: { views: true } })).toEqual({ views: 0 })
    await db.$disconnect()
  })

  it('answers 503 when the server could not tell who is connected', async () => {
    await expectError(await POST(viewPost(slugBody(publicSlug), { without: ['x-ask-kb-peer-address'] })), 503, /client address unavailable/)
    await expectError(await POST(viewPost(slugBody(publicSlug), { address: 'not-an-ip' })), 503, /client address unavailable/)
  })
})

describe('GET /api/views and other methods', () => {
  it('returns the count without counting, as JSON that is never cached', async () => {
    const response = await GET(viewGet(publicSlug))
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const first = ((await response.json()) as { views: number }).views
    expect(await views()).toBe(first)
    await expectError(await GET(viewGet('no-such-answer')), 404, /unknown answer/)
    await expectError(await GET(viewGet('NOT A SLUG')), 400, /slug/)
    await expectError(await GET(new Request(`${siteOrigin}/api/views`)), 400, /slug/)
  })
})
