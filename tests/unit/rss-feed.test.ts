import { XMLParser, XMLValidator } from 'fast-xml-parser'
import Parser from 'rss-parser'
import { describe, expect, it } from 'vitest'
import type { FeedAnswer } from '@/lib/data/feed'
import { buildRssFeed, escapeXml } from '@/lib/metadata/rss-feed'
import { site } from '@/lib/site'

const hostileTitle = `Calls & puts: is "<b>gamma</b>" > 'theta' & </title></channel>?`
const answers: FeedAnswer[] = [
  { slug: 'newest', title: hostileTitle, summary: 'Summary with <script>alert(1)</script> & an em dash \u2014 and caf\u00e9.', publishedAt: '2026-05-09T00:00:00.000Z', revisedAt: '2026-06-02T00:00:00.000Z', category: 'Options & Greeks' },
  { slug: 'older', title: 'What is contango?', summary: 'Futures above spot.', publishedAt: '2026-03-14T00:00:00.000Z', revisedAt: null, category: 'Volatility Products' },
]
const channel = { title: site.name, description: site.description, language: site.locale }
const xml = buildRssFeed(channel, answers)

describe('escapeXml', () => {
  it('escapes markup characters and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f')
    expect(escapeXml('bell\u0007 nul\u0000 ok\ttab')).toBe('bell nul ok\ttab')
  })
})

describe('buildRssFeed', () => {
  it('is well-formed XML whose text reads back exactly, hostile characters included', () => {
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true, htmlEntities: false }).parse(xml)
    const doc = parsed.rss
    expect(doc['@version']).toBe('2.0')
    expect(doc.channel['atom:link']).toEqual({ '@href': `${site.url}/feed.xml`, '@rel': 'self', '@type': 'application/rss+xml' })
    expect(doc.channel.item).toHaveLength(2)
    expect(doc.channel.item[0].title).toBe(hostileTitle)
    expect(doc.channel.item[0].category).toBe('Options & Greeks')
    expect(doc.channel.item[0].guid).toEqual({ '#text': `${site.url}/ask/newest`, '@isPermaLink': 'true' })
  })

  it('reads in an RSS library as channel and items with title, link, guid, summary, RFC 822 date and category', async () => {
    const feed = await new Parser().parseString(xml)
    expect(feed).toMatchObject({ title: site.name, link: `${site.url}/`, description: site.description, language: 'en-US' })
    expect(feed.lastBuildDate).toBe('Tue, 02 Jun 2026 00:00:00 GMT')
    expect(feed.items.map((item) => ({ title: item.title, link: item.link, guid: item.guid, content: item.content, pubDate: item.pubDate, categories: item.categories }))).toEqual([
      { title: hostileTitle, link: `${site.url}/ask/newest`, guid: `${site.url}/ask/newest`, content: answers[0]?.summary, pubDate: 'Sat, 09 May 2026 00:00:00 GMT', categories: ['Options & Greeks'] },
      { title: 'What is contango?', link: `${site.url}/ask/older`, guid: `${site.url}/ask/older`, content: 'Futures above spot.', pubDate: 'Sat, 14 Mar 2026 00:00:00 GMT', categories: ['Volatility Products'] },
    ])
    expect(new Date(feed.items[1]?.pubDate ?? '').toISOString()).toBe('2026-03-14T00:00:00.000Z')
  })

  it('is still a valid channel with no answers', async () => {
    const empty = buildRssFeed(channel, [])
    expect(XMLValidator.validate(empty)).toBe(true)
    expect((await new Parser().parseString(empty)).items).toEqual([])
  })
})
