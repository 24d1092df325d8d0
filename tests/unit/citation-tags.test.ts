import { describe, expect, it } from 'vitest'
import { answerMetadata } from '@/lib/metadata/answer-metadata'
import { citationMetaTags, type CitationInput } from '@/lib/metadata/citation-tags'
import { site } from '@/lib/site'

const answer: CitationInput = {
  slug: 'what-is-contango',
  title: 'What is contango in VIX futures?',
  publishedAt: '2026-05-09T00:00:00.000Z',
  revisedAt: null,
  authors: [{ kind: 'person', family: 'Clark', given: 'Russell' }, { kind: 'person', family: 'Plato' }, { kind: 'group', name: 'VixShield Research Team' }],
}

describe('citationMetaTags', () => {
  it('gives Zotero one citation_author per author, people as "Family, Given"', () => {
    expect(citationMetaTags(answer).citation_author).toEqual(['Clark, Russell', 'Plato', 'VixShield Research Team'])
    expect(citationMetaTags(answer)['DC.creator']).toEqual(['Clark, Russell', 'Plato', 'VixShield Research Team'])
  })

  it('writes Highwire dates as YYYY/MM/DD and Dublin Core dates as YYYY-MM-DD', () => {
    expect(citationMetaTags(answer)).toMatchObject({
      citation_title: answer.title,
      citation_publication_date: '2026/05/09',
      citation_online_date: '2026/05/09',
      citation_public_url: `${site.url}/ask/what-is-contango`,
      citation_publisher: site.publisher,
      citation_language: 'en',
      'DC.date': '2026-05-09',
      'DC.language': 'en-US',
    })
    // Dublin Core leaves out what repeats a long value of another tag (each tag is sent twice).
    expect(Object.keys(citationMetaTags(answer)).filter((name) => name.startsWith('DC.'))).toEqual(['DC.creator', 'DC.date', 'DC.language', 'DC.type'])
  })

  it('dates an updated answer by its update, as the citation does, and keeps the first date online', () => {
    const tags = citationMetaTags({ ...answer, revisedAt: '2026-06-02T00:00:00.000Z' })
    expect(tags).toMatchObject({ citation_publication_date: '2026/06/02', citation_online_date: '2026/05/09', 'DC.date': '2026-06-02' })
  })
})

describe('answerMetadata', () => {
  const metadata = answerMetadata({
    ...answer,
    summary: 'Futures priced above spot.',
    category: { slug: 'volatility-products', name: 'Volatility Products' },
    tags: [{ slug: 'vix', name: 'vix' }],
  })

  it('gives an absolute canonical URL, the feed, an article card of its own and a large Twitter card', () => {
    const url = `${site.url}/ask/what-is-contango`
    expect(metadata.alternates).toEqual({
      canonical: url,
      types: { 'application/rss+xml': [{ url: `${site.url}/feed.xml`, title: `${site.name}: newest answers` }] },
    })
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      url,
      siteName: site.name,
      locale: 'en_US',
      section: 'Volatility Products',
      images: [{ url: `${url}/og.png`, width: 1200, height: 630, type: 'image/png' }],
    })
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image', images: [{ url: `${url}/og.png` }] })
    expect(metadata.other).toMatchObject({ citation_title: answer.title })
  })
})
