import AxeBuilder from '@axe-core/playwright'
import { chromium } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOutageCluster, type OutageCluster } from '@/tests/helpers/outage-cluster'
import { chromiumArgs, chromiumPath } from '@/tests/helpers/chromium'
import { copyBuild, ingestContent, serveBuild, type BuildCopy, type ServedSite } from '@/tests/helpers/served-build'

// The production build served from a PostgreSQL cluster of this test's own, which it stops and starts again on the
// same port while the site keeps running: readers get a 503 page (JSON on the API) for what must be rendered, the
// cached pages as before, and everything again once the database is back, with no restart of the site.

const port = Number(process.env.OUTAGE_E2E_PORT ?? 3475)
const database = 'ask_kb_served'
const leaks = /PostgreSQL|SQLite|DATABASE_URL|Prisma|127\.0\.0\.1:\d+|^\s+at /m

let cluster: OutageCluster
let copy: BuildCopy
let site: ServedSite
let neverOpened: string
let cached: string
let stale: string

const get = (route: string, headers: Record<string, string> = {}) => fetch(`${site.base}${route}`, { headers })
const postView = (slug: string) =>
  fetch(`${site.base}/api/views`, { method: 'POST', headers: { 'content-type': 'application/json', origin: site.base }, body: JSON.stringify({ slug }) })
const slugOf = (route: string) => route.replace('/ask/', '')
const titleOf = async (response: Response) => /<title>([^<]*)<\/title>/.exec(await response.text())?.[1] ?? ''

beforeAll(async () => {
  cluster = await startOutageCluster()
  await cluster.admin(`CREATE DATABASE ${database}`)
  ingestContent(cluster.urlOf(database))
  copy = copyBuild()
  const [first, second, third] = copy.answerPaths
  if (!first || !second || !third) throw new Error(`the build pre-rendered ${copy.answerPaths.length} answers; this test needs three`)
  ;[neverOpened, stale, cached] = [first, second, third]
  copy.forget(neverOpened)
  copy.age(stale, 15) // older than the page's 5-minute revalidate
  site = await serveBuild(copy, port, cluster.urlOf(database))
})

afterAll(async () => {
  await site?.stop()
  copy?.remove()
  await cluster?.remove()
})

describe('PostgreSQL going away under a running site, then coming back', () => {
  it('while PostgreSQL answers, cached pages and the API work', async () => {
    expect((await get(cached)).status).toBe(200)
    expect((await get(`/api/views?slug=${slugOf(cached)}`)).status).toBe(200)
  })

  it('PostgreSQL down: an answer never opened gets the 503 page with Retry-After, for a visit, a client navigation and HEAD', async () => {
    cluster.stopServer('fast')
    const response = await get(neverOpened)
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('60')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await response.text()
    expect(html).toContain('<h1>Temporarily unavailable</h1>')
    expect(html).toContain('try again in a minute')
    expect(html).not.toMatch(leaks)
    // A client navigation asks for the RSC payload (Next first redirects to its own `_rsc` value); the router loads
    // an HTML answer as a page.
    const navigation = await get(neverOpened, { rsc: '1' })
    expect([navigation.status, navigation.headers.get('content-type')]).toEqual([503, 'text/html; charset=utf-8'])
    const head = await fetch(`${site.base}${neverOpened}`, { method: 'HEAD' })
    expect([head.status, await head.text()]).toEqual([503, ''])
  })

  it('the 503 page is styled under its own policy and passes an axe scan', async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
    try {
      const page = await (await browser.newContext()).newPage()
      const blocked: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().includes('status of 503')) blocked.push(message.text())
      })
      const response = await page.goto(`${site.base}${neverOpened}`)
      expect(response?.status()).toBe(503)
      await expect.poll(() => page.locator('main').evaluate((main) => getComputedStyle(main).textAlign)).toBe('center')
      expect(blocked).toEqual([])
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
    } finally {
      await browser.close()
    }
  })

  it('PostgreSQL down: cached pages are served, a stale one too, and its failed revalidation does not replace it', async () => {
    const fresh = await get(cached)
    expect([fresh.status, fresh.headers.get('x-nextjs-cache')]).toEqual([200, 'HIT'])
    const first = await get(stale)
    expect([first.status, first.headers.get('x-nextjs-cache')]).toEqual([200, 'STALE'])
    const title = await titleOf(first)
    expect(title).not.toBe('')
    await new Promise((resolve) => setTimeout(resolve, 500)) // the background revalidation fails meanwhile
    const again = await get(stale)
    expect(again.status).toBe(200)
    expect(await titleOf(again)).toBe(title)
  })

  it('PostgreSQL down: the API answers 503 JSON with Retry-After', async () => {
    for (const response of [await get(`/api/views?slug=${slugOf(cached)}`), await postView(slugOf(cached)), await get(`/api/citations/${slugOf(neverOpened)}.json`)]) {
      expect(response.status, response.url).toBe(503)
      expect(response.headers.get('retry-after')).toBe('60')
      expect(await response.json()).toEqual({ error: 'temporarily unavailable; try again in a minute' })
    }
  })

  it('the server logged the outage in one line, with no stack trace', () => {
    const log = site.log()
    // The first query to fail names the cause: usually a refused connection; the ingest-revision watch may meet
    // the server while it is shutting down.
    const target = `PostgreSQL at 127\\.0\\.0\\.1:${cluster.port}/${database}`
    expect(log.filter((line) => line.startsWith('database unreachable: '))).toEqual([
      expect.stringMatching(new RegExp(`^database unreachable: DATABASE_URL postgresql://postgres@127\\.0\\.0\\.1:${cluster.port}/${database}: (cannot reach ${target} \\(connection refused\\)|${target} (is starting up or shutting down|ended the connection))`)),
    ])
    // Nothing else repeats it: not Next's render errors, not the page index, not the ingest-revision watch.
    expect(log.filter((line) => new RegExp(`${target}|ingest revision|Page index|^\\s+at |PrismaClient|⨯|unexpected error`).test(line))).toHaveLength(1)
  })

  it('PostgreSQL back on the same port: the same site renders, caches and counts again, with no restart', async () => {
    cluster.startServer()
    const rendered = await get(neverOpened)
    expect([rendered.status, rendered.headers.get('x-nextjs-cache')]).toEqual([200, 'MISS'])
    expect(await titleOf(rendered)).not.toMatch(/unavailable/i)
    expect((await get(neverOpened)).headers.get('x-nextjs-cache')).toBe('HIT') // the 503 left nothing in the cache
    expect((await postView(slugOf(cached))).status).toBe(200)
    expect(site.log().filter((line) => line.startsWith('database back after '))).toHaveLength(1)
  })

  it('after pg_terminate_backend ended every connection of the site, the next reads succeed', async () => {
    expect(await cluster.terminateSessions(database)).toBeGreaterThan(0)
    for (const route of [`/api/views?slug=${slugOf(cached)}`, `/api/views?slug=${slugOf(stale)}`, `/api/citations/${slugOf(cached)}.json`]) {
      expect((await get(route)).status, route).toBe(200)
    }
    expect(site.log().filter((line) => line.startsWith('database unreachable: '))).toHaveLength(1)
  })
})
