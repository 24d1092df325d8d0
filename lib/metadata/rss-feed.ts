import type { FeedAnswer } from '@/lib/data/feed'
import { absoluteUrl, paths } from '@/lib/metadata/absolute-url'
import { rfc822 } from '@/lib/metadata/dates'

export const feedSize = 50

// Characters XML 1.0 forbids outright (C0 controls other than tab and newlines, lone surrogates, U+FFFE/U+FFFF).
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
const xmlEntity: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Text for XML element content or attribute values. */
export function escapeXml(text: string): string {
  return text.replace(notXmlChar, '').replace(/[&<>"']/g, (char) => xmlEntity[char] ?? char)
}

export interface FeedChannel {
  title: string
  description: string
  language: string
}

/**
 * RSS 2.0 of the given answers (newest first, as listFeedAnswers returns them). lastBuildDate is the newest
 * publication or update among them, so the same content always gives the same bytes.
 */
export function buildRssFeed(channel: FeedChannel, answers: FeedAnswer[]): string {
  const home = absoluteUrl(paths.home)
  const self = absoluteUrl(paths.feed)
  const changed = answers.map((answer) => answer.revisedAt ?? answer.publishedAt).sort().at(-1)
  const items = answers.map((answer) => {
    const link = escapeXml(absoluteUrl(paths.answer(answer.slug)))
    return [
      '    <item>',
      `      <title>${escapeXml(answer.title)}</title>`,
      `      <link>${link}</link>`,
      `      <guid isPermaLink="true">${link}</guid>`,
      `      <description>${escapeXml(answer.summary)}</description>`,
      `      <pubDate>${rfc822(answer.publishedAt)}</pubDate>`,
      `      <category>${escapeXml(answer.category)}</category>`,
      '    </item>',
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(channel.title)}</title>`,
    `    <link>${escapeXml(home)}</link>`,
    `    <description>${escapeXml(channel.description)}</description>`,
    `    <language>${escapeXml(channel.language)}</language>`,
    ...(changed ? [`    <lastBuildDate>${rfc822(changed)}</lastBuildDate>`] : []),
    `    <atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n')
}
