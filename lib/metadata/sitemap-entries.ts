import type { MetadataRoute } from 'next'
import type { SitemapData } from '@/lib/data/sitemap'
import { absoluteUrl, paths } from '@/lib/metadata/absolute-url'
import { calendarDay } from '@/lib/metadata/dates'

/** Keeps the newest date per key (ISO strings compare as dates). */
function keepNewest(map: Map<string, string>, key: string, date: string): void {
  const current = map.get(key)
  if (current === undefined || date > current) map.set(key, date)
}

/**
 * Sitemap entries: the home page, every public answer, category, tag and glossary term, and the two indexes.
 * `lastModified` is the stored updatedAt/publishedAt of an answer, and for a listing the newest of its answers.
 * Glossary entries store no date, so their pages have none rather than a made-up one.
 */
export function sitemapEntries(data: SitemapData): MetadataRoute.Sitemap {
  const byCategory = new Map<string, string>()
  const byTag = new Map<string, string>()
  let newest: string | undefined
  for (const answer of data.answers) {
    if (newest === undefined || answer.changedAt > newest) newest = answer.changedAt
    keepNewest(byCategory, answer.category, answer.changedAt)
    for (const tag of answer.tags) keepNewest(byTag, tag, answer.changedAt)
  }
  const entry = (path: string, changedAt?: string): MetadataRoute.Sitemap[number] =>
    changedAt ? { url: absoluteUrl(path), lastModified: calendarDay(changedAt) } : { url: absoluteUrl(path) }
  const sorted = (map: Map<string, string>) => [...map].sort(([a], [b]) => a.localeCompare(b))
  return [
    entry(paths.home, newest),
    ...data.answers.map((answer) => entry(paths.answer(answer.slug), answer.changedAt)),
    ...sorted(byCategory).map(([slug, changedAt]) => entry(paths.category(slug), changedAt)),
    entry(paths.tags, newest),
    ...sorted(byTag).map(([slug, changedAt]) => entry(paths.tag(slug), changedAt)),
    entry(paths.glossary),
    ...data.glossary.map((slug) => entry(paths.term(slug))),
  ]
}
