import { readdirSync, statSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'

declare global {
  interface Window {
    cspViolations: string[]
    injectedScriptRan?: boolean
    next?: { version?: string }
  }
}

const port = Number(process.env.E2E_PORT ?? 3200)
const alvh = '/ask/how-does-the-alvh-hedge-actually-respond-when-vix-term-structure-flattens-below-35-or-goes-into-backwardation'

interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  rawHeaders: string[]
  body: string
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 })

/** GET with the path sent byte for byte: URL classes would normalise `%2e%2e` and friends before they left. */
function rawGet(rawPath: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: rawPath, agent }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, rawHeaders: response.rawHeaders, body: Buffer.concat(chunks).toString('utf8') }),
      )
      response.on('error', reject)
    })
    request.on('error', reject)
  })
}

/** Records CSP violations (the DOM event), console errors and uncaught exceptions of a page. */
async function watchForProblems(page: Page): Promise<{ problems: () => Promise<string[]> }> {
  await page.addInitScript(() => {
    window.cspViolations = []
    document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`))
  })
  const messages: string[] = []
  page.on('console', (message) => {
    // The browser logs the document's own 404/400 status as an error; that is the page working, not a problem.
    if (message.type() === 'error' && !/status of 40[04]/.test(message.text())) messages.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`))
  return { problems: async () => [...messages, ...(await page.evaluate(() => window.cspViolations)).map((v) => `violation: ${v}`)] }
}

async function firstLink(page: Page, prefix: string): Promise<string> {
  const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute('href')
  if (!href) throw new Error(`no ${prefix} link on ${page.url()}`)
  return href
}

test.describe('content security policy in the browser', () => {
  test('every page type loads and hydrates with no CSP violation, console error or page error', async ({ page }) => {
    test.setTimeout(90_000)
    const { problems } = await watchForProblems(page)
    await page.goto('/')
    const paths = ['/', alvh, await firstLink(page, '/category/'), '/tags', '/glossary', '/ask/no-such-answer', '/no-such-page']
    await page.goto('/tags')
    paths.push(await firstLink(page, '/tags/'))
    await page.goto('/glossary')
    paths.push(await firstLink(page, '/glossary/'))

    for (const pagePath of paths) {
      await page.goto(pagePath)
      // Next's client runtime sets `window.next` once it runs: proof that the hashed inline scripts were allowed.
      await expect.poll(() => page.evaluate(() => typeof window.next?.version), { message: pagePath }).toBe('string')
      expect(await problems(), pagePath).toEqual([])
    }

    // A client-side navigation fetches the next page's RSC payload and its chunks under the same policy.
    await page.goto('/')
    await page.locator('main a[href^="/ask/"]').first().click()
    await expect(page).toHaveURL(/\/ask\/[a-z0-9-]+$/)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await problems()).toEqual([])

    // The 400 page of a malformed URL has no scripts and one hashed inline style.
    const badRequest = await page.goto('/category/%ff')
    expect(badRequest?.status()).toBe(400)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bad request')
    expect(await problems()).toEqual([])
  })

  test('an injected inline script and a script from another origin are blocked', async ({ page }) => {
    await watchForProblems(page)
    await page.goto(alvh)
    await expect.poll(() => page.evaluate(() => typeof window.next?.version)).toBe('string')
    const outcome = await page.evaluate(async () => {
      const inline = document.createElement('script')
      inline.textContent = 'window.injectedScriptRan = true'
      document.body.append(inline)
      const foreign = document.createElement('script')
      foreign.src = 'http://localhost:9/injected.js'
      document.body.append(foreign)
      await new Promise((resolve) => setTimeout(resolve, 300))
      return { ran: window.injectedScriptRan === true, violations: window.cspViolations }
    })
    expect(outcome.ran).toBe(false)
    expect(outcome.violations).toEqual(['script-src-elem inline', 'script-src-elem http://localhost:9/injected.js'])
  })
})

test.describe('security headers', () => {
  test('every kind of response carries them, with exactly one policy', async ({ request }) => {
    const html = await (await request.get(alvh)).text()
    const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1]
    const stylesheet = /<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1]
    expect(script && stylesheet).toBeTruthy()
    const cases: [string, string, number][] = [
      ['answer page', alvh, 200],
      ['home page', '/', 200],
      ['404 of a dynamic route', '/ask/no-such-answer', 404],
      ['404 of no route', '/no-such-page', 404],
      ['400 of a malformed URL', '/glossary/%c0%ae%c0%ae', 400],
      ['API route', '/api/views?slug=no-such-answer', 404],
      ['script', script ?? '', 200],
      ['stylesheet', stylesheet ?? '', 200],
      ['icon', '/icon.svg', 200],
      ['answer card', `${alvh}/og.png`, 200],
      ['site card', '/og.png', 200],
      ['card of an unknown answer', '/ask/no-such-answer/og.png', 404],
      ['feed', '/feed.xml', 200],
      ['sitemap', '/sitemap.xml', 200],
      ['robots', '/robots.txt', 200],
      ['missing static file', '/_next/static/chunks/no-such-file.js', 404],
    ]
    for (const [label, target, status] of cases) {
      const response = await rawGet(target)
      expect(response.status, label).toBe(status)
      expect(response.headers['x-frame-options'], label).toBe('DENY')
      expect(response.headers['x-content-type-options'], label).toBe('nosniff')
      expect(response.headers['referrer-policy'], label).toBe('strict-origin-when-cross-origin')
      expect(response.headers['permissions-policy'], label).toMatch(/(^|, )camera=\(\)(, |$)/)
      expect(response.headers['permissions-policy'], label).toMatch(/(^|, )geolocation=\(\)(, |$)/)
      expect(response.headers['cross-origin-opener-policy'], label).toBe('same-origin')
      // SITE_URL is http in this run; HSTS over http would be ignored at best (unit test covers https).
      expect(response.headers['strict-transport-security'], label).toBeUndefined()
      const policies = response.rawHeaders.filter((_, i) => i % 2 === 0 && response.rawHeaders[i]?.toLowerCase() === 'content-security-policy')
      expect(policies, label).toHaveLength(1)
      const policy = String(response.headers['content-security-policy'])
      expect(policy, label).toContain("frame-ancestors 'none'")
      if (String(response.headers['content-type']).startsWith('text/html')) {
        expect(policy, label).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')*;/)
        expect(policy, label).not.toContain('unsafe-inline')
      } else {
        expect(policy, label).toBe("default-src 'none'; frame-ancestors 'none'")
      }
    }
  })

  test('the answer page is still served from the cache', async () => {
    await rawGet(alvh)
    expect((await rawGet(alvh)).headers['x-nextjs-cache']).toBe('HIT')
  })
})

test.describe('hostile URLs', () => {
  const routes = ['', '/ask', '/category', '/tags', '/glossary', '/api/views', '/_next/static']
  const segments = [
    '%ff', '%', 'abc%', '%zz', '%e0%a4%a', '%c0%ae%c0%ae', '%c0%80', '%ed%a0%80', '%ed%bf%bf', '%f0%9f%98', '%f8%88%80%80%80',
    '%00', 'a%00b', '%2e%2e', '%2e', '%2f', '%5c', '..%2f..%2fetc%2fpasswd', '%25', '%252e', '%u0041', 'a'.repeat(3000), '%ff'.repeat(600),
  ]

  test('malformed or odd percent-encoding under every route is a 400 or 404 page, never a 500', async () => {
    const failures: string[] = []
    for (const route of routes) {
      for (const segment of segments) {
        const target = `${route}/${segment}`
        const response = await rawGet(target)
        const html = String(response.headers['content-type']).startsWith('text/html')
        const clearPage = html && /Page not found|Bad request/.test(response.body)
        // `%2e` is `.` by URL rules: Next resolves `/ask/%2e%2e` to `/` and redirects `/ask/%2e` to `/ask`.
        const dotSegment = segment.startsWith('%2e') && (response.status === 200 || response.status === 308)
        const ok = [400, 404].includes(response.status) ? clearPage || route === '/_next/static' : dotSegment
        if (!ok) failures.push(`${response.status} ${target.slice(0, 80)}`)
      }
    }
    expect(failures).toEqual([])
  })
})

test.describe('unknown URLs', () => {
  function diskUse(dir: string): number {
    let bytes = 0
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) bytes += statSync(path.join(entry.parentPath, entry.name)).size
    }
    return bytes
  }

  test('5,000 requests for distinct unknown slugs are real 404 pages and grow the server files by at most 1 MB', async () => {
    test.setTimeout(300_000)
    const databaseFile = (process.env.DATABASE_URL ?? 'file:./data/kb.db').replace(/^file:/, '')
    const written = () => diskUse('.next') + diskUse(path.dirname(path.resolve(databaseFile)))
    const before = written()
    const started = performance.now()
    const routes = ['/ask', '/category', '/tags', '/glossary']
    const targets = Array.from({ length: 5000 }, (_, i) => `${routes[i % routes.length]}/unknown-${Date.now().toString(36)}-${i}`)
    const wrong: string[] = []
    let next = 0
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        for (let target = targets[next++]; target; target = targets[next++]) {
          const response = await rawGet(target)
          if (response.status !== 404 || !/<h1[^>]*>Page not found<\/h1>/.test(response.body)) wrong.push(`${response.status} ${target}`)
        }
      }),
    )
    const seconds = (performance.now() - started) / 1000
    const grown = written() - before
    console.log(`5,000 unknown URLs in ${seconds.toFixed(1)} s (${Math.round(5000 / seconds)} req/s); server files grew by ${grown} bytes`)
    expect(wrong).toEqual([])
    expect(grown).toBeLessThanOrEqual(1024 * 1024)
  })
})
