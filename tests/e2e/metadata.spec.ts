import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import Parser from 'rss-parser'
import { jsonLdUrls } from '../helpers/json-ld-urls'
import { pngSize } from '../helpers/png-size'

const siteUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3200)}`
const alvh = '/ask/how-does-the-alvh-hedge-actually-respond-when-vix-term-structure-flattens-below-35-or-goes-into-backwardation'
const underSite = (url: string) => url === siteUrl || url.startsWith(`${siteUrl}/`)

type JsonObject = Record<string, unknown>

/** Every JSON-LD block of the loaded page, parsed as a crawler would: the element's text through JSON.parse. */
async function jsonLd(page: Page): Promise<JsonObject[]> {
  const texts = await page.locator('script[type="application/ld+json"]').allTextContents()
  return texts.map((text) => JSON.parse(text) as JsonObject)
}

const ofType = (blocks: JsonObject[], type: string) => {
  const found = blocks.filter((block) => block['@type'] === type)
  expect(found, `one ${type} block`).toHaveLength(1)
  return found[0] as JsonObject
}

const meta = (page: Page, key: string) => page.locator(`head meta[name="${key}"], head meta[property="${key}"]`)
const content = async (page: Page, key: string) => (await meta(page, key).first().getAttribute('content')) ?? ''

/** The head tags every page type must have, all addresses absolute under SITE_URL. Returns the canonical URL. */
async function checkSharedHead(page: Page, path: string): Promise<string> {
  const canonical = (await page.locator('head link[rel="canonical"]').getAttribute('href')) ?? ''
  expect(canonical.replace(/\/$/, ''), `${path} canonical`).toBe(`${siteUrl}${path}`.replace(/\/$/, ''))
  const feed = page.locator('head link[rel="alternate"][type="application/rss+xml"]')
  await expect(feed).toHaveAttribute('href', `${siteUrl}/feed.xml`)
  for (const key of ['og:title', 'og:description', 'og:site_name', 'og:type', 'twitter:title', 'twitter:description']) {
    expect(await content(page, key), `${path} ${key}`).not.toBe('')
  }
  expect(await content(page, 'og:url'), `${path} og:url`).toBe(canonical)
  expect(await content(page, 'og:locale')).toBe('en_US')
  expect(await content(page, 'og:image:width')).toBe('1200')
  expect(await content(page, 'og:image:height')).toBe('630')
  expect(await content(page, 'twitter:card')).toBe('summary_large_image')
  expect(await content(page, 'twitter:image')).toBe(await content(page, 'og:image'))
  // Every head tag is sent twice (HTML and flight): no image size or type repeated for X.
  expect(await meta(page, 'twitter:image:width').count()).toBe(0)
  for (const key of ['og:url', 'og:image', 'twitter:image']) expect(underSite(await content(page, key)), `${path} ${key}`).toBe(true)
  for (const block of await jsonLd(page)) expect(jsonLdUrls(block).filter((url) => !underSite(url)), `${path} JSON-LD ${String(block['@type'])}`).toEqual([])
  return canonical
}

async function checkCard(request: APIRequestContext, url: string): Promise<void> {
  const first = await request.get(url)
  expect(first.status(), url).toBe(200)
  expect(first.headers()['content-type']).toBe('image/png')
  expect(first.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'")
  expect(first.headers()['x-content-type-options']).toBe('nosniff')
  expect(pngSize(await first.body())).toEqual({ width: 1200, height: 630 })
  // Pre-rendered at build, so even the first request is served from the cache; the second certainly is.
  expect((await request.get(url)).headers()['x-nextjs-cache']).toBe('HIT')
}

test.describe('metadata in the head', () => {
  test('an answer page: citation tags, Article and BreadcrumbList JSON-LD, its own card', async ({ page, request }) => {
    await page.goto(alvh)
    const canonical = await checkSharedHead(page, alvh)
    const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? ''

    expect(await content(page, 'og:type')).toBe('article')
    expect(await content(page, 'citation_title')).toBe(title)
    expect(await meta(page, 'citation_author').count()).toBeGreaterThanOrEqual(1)
    expect(await content(page, 'citation_author')).toBe('VixShield Research Team')
    expect(await content(page, 'citation_publication_date')).toMatch(/^20\d\d\/\d\d\/\d\d$/)
    expect(await content(page, 'citation_online_date')).toBe('2026/03/14')
    expect(await content(page, 'citation_public_url')).toBe(canonical)
    expect(await content(page, 'citation_publisher')).toBe('VixShield Research Team')
    expect(await content(page, 'citation_language')).toBe('en')
    expect(await content(page, 'DC.creator')).toBe('VixShield Research Team')
    expect(await content(page, 'DC.date')).toMatch(/^20\d\d-\d\d-\d\d$/)

    const blocks = await jsonLd(page)
    const article = ofType(blocks, 'Article')
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      headline: title,
      description: await content(page, 'description'),
      datePublished: '2026-03-14',
      mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
      articleSection: 'VIX Hedging',
      author: [{ '@type': 'Organization', name: 'VixShield Research Team' }],
      publisher: { '@type': 'Organization', name: 'VixShield Research Team' },
      isBasedOn: { '@type': 'Book', name: 'SPX Mastery', author: [{ '@type': 'Person', name: 'Russell Clark' }] },
    })
    expect(String(article.dateModified)).toMatch(/^20\d\d-\d\d-\d\d$/)
    expect(String(article.keywords)).toContain('vix')
    const about = article.about as { '@type': string; name: string; url: string }[]
    const referenced = await page.locator('a[href^="/glossary/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(about.length).toBeGreaterThan(5)
    for (const term of about) {
      expect(term['@type']).toBe('DefinedTerm')
      expect(referenced, term.url).toContain(term.url.slice(siteUrl.length))
    }

    const crumbs = ofType(blocks, 'BreadcrumbList').itemListElement as { position: number; name: string; item: string }[]
    expect(crumbs).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: `${siteUrl}/` },
      { '@type': 'ListItem', position: 2, name: 'VIX Hedging', item: `${siteUrl}/category/vix-hedging` },
      { '@type': 'ListItem', position: 3, name: title, item: canonical },
    ])

    const card = await content(page, 'og:image')
    expect(card).toBe(`${canonical}/og.png`)
    expect(article.image).toBe(card)
    await checkCard(request, card)
  })

  test('a glossary term page is a DefinedTerm in the glossary set', async ({ page }) => {
    await page.goto('/glossary/vix')
    const canonical = await checkSharedHead(page, '/glossary/vix')
    const blocks = await jsonLd(page)
    expect(ofType(blocks, 'DefinedTerm')).toMatchObject({
      '@id': canonical,
      name: (await page.getByRole('heading', { level: 1 }).textContent()) ?? '',
      url: canonical,
      inDefinedTermSet: { '@type': 'DefinedTermSet', '@id': `${siteUrl}/glossary`, url: `${siteUrl}/glossary` },
    })
    expect(String(ofType(blocks, 'DefinedTerm').description).length).toBeGreaterThan(20)
    const crumbs = ofType(blocks, 'BreadcrumbList').itemListElement as { item: string }[]
    expect(crumbs.map((crumb) => crumb.item)).toEqual([`${siteUrl}/`, `${siteUrl}/glossary`, canonical])
    expect(await content(page, 'og:image')).toBe(`${siteUrl}/og.png`)
  })

  test('/glossary is a DefinedTermSet of every listed term', async ({ page }) => {
    await page.goto('/glossary')
    await checkSharedHead(page, '/glossary')
    const set = ofType(await jsonLd(page), 'DefinedTermSet')
    const members = set.hasDefinedTerm as { '@type': string; url: string }[]
    const listed = new Set(await page.locator('main a[href^="/glossary/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href'))))
    expect(members.map((term) => term.url.slice(siteUrl.length)).sort()).toEqual([...listed].sort())
  })

  test('a category page and the home page', async ({ page, request }) => {
    await page.goto('/category/vix-hedging')
    const canonical = await checkSharedHead(page, '/category/vix-hedging')
    const crumbs = ofType(await jsonLd(page), 'BreadcrumbList').itemListElement as { name: string; item: string }[]
    expect(crumbs.map((crumb) => [crumb.name, crumb.item])).toEqual([['Home', `${siteUrl}/`], ['VIX Hedging', canonical]])

    await page.goto('/')
    await checkSharedHead(page, '/')
    expect(await page.title()).toBe('Ask VixShield')
    expect(ofType(await jsonLd(page), 'WebSite')).toMatchObject({ name: 'Ask VixShield', url: `${siteUrl}/`, publisher: { name: 'VixShield Research Team' } })
    expect(await content(page, 'og:image')).toBe(`${siteUrl}/og.png`)
    await checkCard(request, `${siteUrl}/og.png`)
  })

  test('topic pages and the topic index have the same head tags', async ({ page }) => {
    for (const path of ['/tags', '/tags/vix']) {
      await page.goto(path)
      await checkSharedHead(page, path)
    }
  })
})

test.describe('sitemap, robots and feed', () => {
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'url' || name === 'item' })

  test('robots.txt points at the sitemap, which lists every public page with its date', async ({ request, page }) => {
    const robots = await (await request.get('/robots.txt')).text()
    expect(robots.split('\n')).toContain(`Sitemap: ${siteUrl}/sitemap.xml`)

    const response = await request.get('/sitemap.xml')
    expect(response.headers()['content-type']).toContain('xml')
    const text = await response.text()
    expect(XMLValidator.validate(text)).toBe(true)
    const urls = (xml.parse(text).urlset.url as { loc: string; lastmod?: string }[])
    expect(urls.filter((url) => !underSite(url.loc))).toEqual([])
    const paths = new Map(urls.map((url) => [url.loc.slice(siteUrl.length), url.lastmod]))
    expect(paths.get(alvh)).toMatch(/^20\d\d-\d\d-\d\d$/)
    expect(paths.has('/glossary/vix')).toBe(true)

    // The same pages a reader can reach: every category on the home page, every tag on /tags.
    await page.goto('/')
    const categories = await page.locator('main a[href^="/category/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
    await page.goto('/tags')
    const tags = await page.locator('main a[href^="/tags/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
    for (const path of [...categories, ...tags]) expect(paths.get(path), path).toMatch(/^20\d\d-\d\d-\d\d$/)
    expect([...paths.keys()].filter((path) => path.startsWith('/category/')).sort()).toEqual([...new Set(categories)].sort())
  })

  test('feed.xml is RSS 2.0 of the newest answers, advertised on every page', async ({ request }) => {
    const response = await request.get('/feed.xml')
    expect(response.headers()['content-type']).toBe('application/rss+xml; charset=utf-8')
    expect(response.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'")
    const text = await response.text()
    expect(XMLValidator.validate(text)).toBe(true)
    const channel = xml.parse(text).rss.channel
    expect(channel['atom:link']).toMatchObject({ '@href': `${siteUrl}/feed.xml`, '@rel': 'self', '@type': 'application/rss+xml' })

    const feed = await new Parser().parseString(text)
    expect(feed).toMatchObject({ title: 'Ask VixShield', link: `${siteUrl}/`, language: 'en-US' })
    expect(feed.items.length).toBeGreaterThan(0)
    expect(feed.items.length).toBeLessThanOrEqual(50)
    const dates = feed.items.map((item) => Date.parse(item.pubDate ?? ''))
    expect(dates.every((date) => Number.isFinite(date))).toBe(true)
    expect(dates).toEqual([...dates].sort((a, b) => b - a))
    for (const item of feed.items) {
      expect(item.title).toBeTruthy()
      expect(item.content).toBeTruthy()
      expect(item.categories?.length).toBe(1)
      expect(item.guid).toBe(item.link)
      expect(underSite(item.link ?? '')).toBe(true)
    }
    const first = feed.items[0]
    expect((await request.get(first?.link ?? '')).status()).toBe(200)
  })
})
