import { randomInt } from 'node:crypto'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { rawRequest, type RawResponse } from '@/tests/helpers/raw-http'
import { discoverPages, type SitePages } from '@/tests/helpers/site-pages'
import { startTestScaleStack, waitForAccessLog, type TestScaleStack } from '@/tests/helpers/test-scale-stack'

const browser = 'gzip, deflate, br'
const viewLimit = 5

let scale: TestScaleStack
let pages: SitePages

beforeAll(async () => {
  // A long window: the test's requests must not straddle two windows and start counting afresh.
  scale = await startTestScaleStack({ microCache: true, env: { VIEW_RATE_LIMIT_MAX: String(viewLimit), VIEW_RATE_LIMIT_WINDOW_SECONDS: '3600' } })
  pages = await discoverPages(scale.stack.instanceUrls[0] ?? '')
})

afterAll(async () => {
  await scale?.close()
})

const viaNginx = (path: string, headers: Record<string, string> = {}, localAddress?: string) => rawRequest(`${scale.stack.url}${path}`, { headers, localAddress })

function decoded(response: RawResponse): string {
  const encoding = response.headers['content-encoding']
  if (encoding === 'br') return brotliDecompressSync(response.body).toString()
  if (encoding === 'gzip') return gunzipSync(response.body).toString()
  return response.body.toString()
}

// Every 127.x.y.z reaches nginx on 127.0.0.1, so each test can be a client nobody else has been.
const randomClient = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`

describe('two instances behind nginx', () => {
  test('a page through nginx is the page each instance serves', async () => {
    const through = await viaNginx(pages.answer, { 'accept-encoding': 'identity' })
    expect(through.status).toBe(200)
    expect(through.headers['content-encoding']).toBeUndefined()
    for (const instance of scale.stack.instanceUrls) {
      const direct = await rawRequest(`${instance}${pages.answer}`, { headers: { 'accept-encoding': 'identity' } })
      expect(direct.status).toBe(200)
      expect(through.body.equals(direct.body)).toBe(true)
    }
  })

  test('answer, glossary, category and tag pages are served from the micro-cache the second time', async () => {
    for (const path of [pages.answer, pages.glossaryTerm, pages.category, pages.tag]) {
      const first = await viaNginx(path, { 'accept-encoding': browser })
      const second = await viaNginx(path, { 'accept-encoding': browser })
      expect([path, first.status, second.status, second.headers['x-cache-status']]).toEqual([path, 200, 200, 'HIT'])
      expect(second.headers['cache-control']).toMatch(/s-maxage=\d+/)
      expect(decoded(second)).toBe(decoded(first))
    }
  })

  test('API answers are never cached: a view counted through nginx shows at once', async () => {
    const slug = pages.otherAnswer.replace('/ask/', '')
    const client = randomClient()
    const read = async () => {
      const response = await viaNginx(`/api/views?slug=${slug}`)
      expect(response.headers['x-cache-status']).not.toBe('HIT')
      return (JSON.parse(response.body.toString()) as { views: number }).views
    }
    const before = await read()
    expect(await read()).toBe(before)
    const body = JSON.stringify({ slug })
    const posted = await rawRequest(`${scale.stack.url}/api/views`, { method: 'POST', localAddress: client, headers: { 'content-type': 'application/json', 'content-length': String(body.length) }, body })
    expect(posted.status).toBe(200)
    expect(await read()).toBe(before + 1)
  })

  test('a request with a cookie is never answered from the cache', async () => {
    await viaNginx(pages.glossaryTerm, { 'accept-encoding': browser })
    for (let i = 0; i < 2; i++) {
      const response = await viaNginx(pages.glossaryTerm, { 'accept-encoding': browser, cookie: 'session=abc' })
      expect(response.status).toBe(200)
      expect(response.headers['x-cache-status']).toBe('BYPASS')
    }
  })

  test('a gzip-only client never gets brotli, even when brotli copies are cached', async () => {
    // Each instance compresses a page on its first read; from then on it sends the stored brotli copy.
    for (const instance of scale.stack.instanceUrls) {
      await expect.poll(async () => (await rawRequest(`${instance}${pages.category}`, { headers: { 'accept-encoding': browser } })).headers['content-encoding'], { timeout: 10_000 }).toBe('br')
    }
    const path = `${pages.category}?variant=${randomInt(1e9)}`
    const html = (await rawRequest(`${scale.stack.instanceUrls[0]}${path}`)).body.toString()
    const br = await viaNginx(path, { 'accept-encoding': browser })
    expect([br.headers['content-encoding'], br.headers['x-cache-status']]).toEqual(['br', 'MISS'])
    expect((await viaNginx(path, { 'accept-encoding': browser })).headers['x-cache-status']).toBe('HIT')
    for (const acceptEncoding of ['gzip', 'gzip, deflate', 'br;q=0, gzip']) {
      for (let i = 0; i < 2; i++) {
        const gzip = await viaNginx(path, { 'accept-encoding': acceptEncoding })
        expect([acceptEncoding, gzip.headers['content-encoding']]).toEqual([acceptEncoding, 'gzip'])
        expect(gunzipSync(gzip.body).toString()).toBe(html)
      }
    }
    const plain = await viaNginx(path, { 'accept-encoding': 'identity' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(html)
  })

  test('the view beacon is rate-limited per real client, across both instances, whatever X-Forwarded-For claims', async () => {
    const [client, other] = [randomClient(), randomClient()]
    const body = JSON.stringify({ slug: pages.answer.replace('/ask/', '') })
    const post = (from: string, forwardedFor: string) =>
      rawRequest(`${scale.stack.url}/api/views`, {
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': String(body.length), 'x-forwarded-for': forwardedFor },
        body,
      })
    const statuses: number[] = []
    // A new forged address on every request: limited by address, each would be a first request.
    for (let i = 0; i <= viewLimit; i++) statuses.push((await post(client, `203.0.113.${i + 1}`)).status)
    expect(statuses).toEqual([...Array<number>(viewLimit).fill(200), 429])
    // Another client claiming to be the limited one is not limited.
    expect((await post(other, client)).status).toBe(200)
    const posts = await waitForAccessLog(scale.layout.accessLog, (lines) => lines.filter((line) => line.request.startsWith('POST /api/views') && line.client === client).length === viewLimit + 1)
    const servedBy = new Set(posts.filter((line) => line.client === client).flatMap((line) => line.upstreams))
    expect(servedBy.size).toBe(2)
  })
})
