import { listFeedAnswers } from '@/lib/data/feed'
import { buildRssFeed, feedSize } from '@/lib/metadata/rss-feed'
import { site } from '@/lib/site'

// Built at `next build` and refreshed like the listings, so a feed reader's poll is a cache hit.
export const revalidate = 300

export async function GET(): Promise<Response> {
  const xml = buildRssFeed(
    { title: site.name, description: site.description, language: site.locale },
    await listFeedAnswers(feedSize),
  )
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } })
}
