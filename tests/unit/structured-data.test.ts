import { describe, expect, it } from 'vitest'
import { serializeJsonLd } from '@/lib/metadata/json-ld'
import { articleJsonLd, breadcrumbJsonLd, definedTermJsonLd, definedTermSetJsonLd, websiteJsonLd, type ArticleInput } from '@/lib/metadata/structured-data'
import { site } from '@/lib/site'
import { urlsOutsideSite } from '@/tests/helpers/json-ld-urls'

const answer: ArticleInput = {
  slug: 'how-does-the-alvh-hedge-respond',
  title: 'How does the ALVH hedge respond?',
  summary: 'It adds protection as the curve flattens.',
  publishedAt: '2026-03-14T00:00:00.000Z',
  revisedAt: '2026-06-02T00:00:00.000Z',
  reviewedBy: 'Jane Doe',
  reviewedAt: '2026-07-01T00:00:00.000Z',
  authors: [{ kind: 'group', name: site.publisher }, { kind: 'person', family: 'Clark', given: 'Russell' }],
  basedOn: 'SPX Mastery by Russell Clark',
  category: { slug: 'vix-hedging', name: 'VIX Hedging' },
  tags: [{ slug: 'vix', name: 'vix' }, { slug: 'term-structure', name: 'term-structure' }],
  terms: [{ slug: 'vix', term: 'VIX', short: 'The Cboe volatility index.' }, { slug: 'contango', term: 'Contango', short: 'Futures above spot.' }],
}

/** What a browser's or crawler's JSON parser reads back from the script element's text. */
const roundTrip = (text: string) => JSON.parse(text) as Record<string, unknown>

describe('serializeJsonLd', () => {
  it('cannot be broken out of: a hostile title stays inside the data block and parses back unchanged', () => {
    const hostile = `</script><script>alert("x")</script><!-- & -->\u2028`
    const text = serializeJsonLd({ '@type': 'Article', headline: hostile })
    expect(text).not.toMatch(/[<>&\u2028]/)
    // The element's text as an HTML parser sees it ends only at "</script"; there is none inside.
    expect(`<script type="application/ld+json">${text}</script>`.match(/<\/script/gi)).toHaveLength(1)
    expect(roundTrip(text)).toEqual({ '@context': 'https://schema.org', '@type': 'Article', headline: hostile })
  })
})

describe('articleJsonLd', () => {
  const article = roundTrip(serializeJsonLd(articleJsonLd(answer)))

  it('has the Article fields search engines and the issue ask for', () => {
    const url = `${site.url}/ask/${answer.slug}`
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: answer.title,
      description: answer.summary,
      datePublished: '2026-03-14',
      dateModified: '2026-06-02',
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      keywords: 'vix, term-structure',
      articleSection: 'VIX Hedging',
      image: `${url}/og.png`,
      publisher: { '@type': 'Organization', name: site.publisher, url: `${site.url}/` },
    })
    expect(article.author).toEqual([
      { '@type': 'Organization', '@id': `${site.url}/#publisher`, name: site.publisher, url: `${site.url}/` },
      { '@type': 'Person', name: 'Russell Clark', familyName: 'Clark', givenName: 'Russell' },
    ])
  })

  it('is based on the Book named in basedOn, and about the glossary terms it links', () => {
    expect(article.isBasedOn).toEqual({ '@type': 'Book', name: 'SPX Mastery', author: [{ '@type': 'Person', name: 'Russell Clark' }] })
    expect(article.about).toEqual([
      { '@type': 'DefinedTerm', name: 'VIX', url: `${site.url}/glossary/vix` },
      { '@type': 'DefinedTerm', name: 'Contango', url: `${site.url}/glossary/contango` },
    ])
  })

  it('says on its page who last reviewed it and when', () => {
    expect(article.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': `${site.url}/ask/${answer.slug}`, lastReviewed: '2026-07-01', reviewedBy: { '@type': 'Person', name: 'Jane Doe' } })
    const byTeam = roundTrip(serializeJsonLd(articleJsonLd({ ...answer, reviewedBy: site.publisher })))
    expect(byTeam.mainEntityOfPage).toMatchObject({ reviewedBy: { '@type': 'Organization', name: site.publisher } })
  })

  it('dates an answer without updatedAt by its publication and leaves out what is not there', () => {
    const plain = roundTrip(serializeJsonLd(articleJsonLd({ ...answer, revisedAt: null, reviewedBy: null, reviewedAt: null, basedOn: null, terms: [] })))
    expect(plain.dateModified).toBe('2026-03-14')
    expect(plain.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': `${site.url}/ask/${answer.slug}` })
    expect(plain).not.toHaveProperty('isBasedOn')
    expect(plain).not.toHaveProperty('about')
  })

  it('names only absolute addresses under SITE_URL', () => {
    expect(urlsOutsideSite(article, site.url)).toEqual([])
    expect(urlsOutsideSite({ a: { url: '/relative' }, b: ['https://elsewhere.example/x'] }, site.url)).toEqual(['/relative', 'https://elsewhere.example/x'])
  })
})

describe('site, glossary and breadcrumb JSON-LD', () => {
  it('describes the home page as a WebSite', () => {
    const website = roundTrip(serializeJsonLd(websiteJsonLd()))
    expect(website).toMatchObject({ '@type': 'WebSite', name: site.name, url: `${site.url}/`, publisher: { name: site.publisher } })
    expect(urlsOutsideSite(website, site.url)).toEqual([])
  })

  it('describes /glossary as a DefinedTermSet and each term as a DefinedTerm in it', () => {
    const set = roundTrip(serializeJsonLd(definedTermSetJsonLd([{ slug: 'vix', term: 'VIX' }])))
    expect(set).toMatchObject({ '@type': 'DefinedTermSet', '@id': `${site.url}/glossary`, url: `${site.url}/glossary` })
    expect(set.hasDefinedTerm).toEqual([{ '@type': 'DefinedTerm', name: 'VIX', url: `${site.url}/glossary/vix` }])
    const term = roundTrip(serializeJsonLd(definedTermJsonLd({ slug: 'vix', term: 'VIX', short: 'The Cboe volatility index.', aliases: ['Cboe VIX'] })))
    expect(term).toMatchObject({
      '@type': 'DefinedTerm',
      name: 'VIX',
      description: 'The Cboe volatility index.',
      alternateName: ['Cboe VIX'],
      url: `${site.url}/glossary/vix`,
      inDefinedTermSet: { '@type': 'DefinedTermSet', '@id': `${site.url}/glossary` },
    })
    expect(urlsOutsideSite(set, site.url)).toEqual([])
    expect(urlsOutsideSite(term, site.url)).toEqual([])
  })

  it('numbers breadcrumb items from 1 with absolute addresses', () => {
    const list = roundTrip(serializeJsonLd(breadcrumbJsonLd([{ href: '/', label: 'Home' }, { href: '/glossary', label: 'Glossary' }])))
    expect(list.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: `${site.url}/` },
      { '@type': 'ListItem', position: 2, name: 'Glossary', item: `${site.url}/glossary` },
    ])
  })
})
