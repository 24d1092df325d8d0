import type { MetadataRoute } from 'next'
import { loadSitemapData } from '@/lib/data/sitemap'
import { sitemapEntries } from '@/lib/metadata/sitemap-entries'

export const revalidate = 300

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(await loadSitemapData())
}
