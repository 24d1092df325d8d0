import type { Metadata } from 'next'
import { absoluteUrl, paths } from '@/lib/metadata/absolute-url'
import { site } from '@/lib/site'

export const cardImage = { width: 1200, height: 630, type: 'image/png' } as const

/** Every page advertises the feed (Next replaces, not merges, `alternates` from the layout). */
export const feedAlternate = { 'application/rss+xml': [{ url: absoluteUrl(paths.feed), title: `${site.name}: newest answers` }] }

/** The Open Graph locale form of the site locale: en_US. */
export const ogLocale = site.locale.replace('-', '_')

export const defaultImage = { url: absoluteUrl(paths.defaultImage), alt: `${site.name}: ${site.tagline}`, ...cardImage }

export interface PageMetadataInput {
  /** The page's own title; the layout's template adds the site name unless `absoluteTitle`. */
  title: string
  absoluteTitle?: boolean
  description: string
  /** Site path of the page; it becomes the canonical URL under SITE_URL. */
  path: string
  image?: { url: string; alt: string }
  article?: { publishedTime: string; modifiedTime?: string; authors: string[]; section: string; tags: string[] }
  other?: Metadata['other']
}

/**
 * Title, description, canonical URL, feed link, Open Graph and Twitter card of one page. A page's `openGraph` and
 * `twitter` replace the layout's whole objects, so each page states all of it, absolute URLs included.
 */
export function pageMetadata(input: PageMetadataInput): Metadata {
  const url = absoluteUrl(input.path)
  const image = input.image ? { ...cardImage, ...input.image } : defaultImage
  const shared = { title: input.title, description: input.description, url, siteName: site.name, locale: ogLocale, images: [image] }
  return {
    title: input.absoluteTitle ? { absolute: input.title } : input.title,
    description: input.description,
    alternates: { canonical: url, types: feedAlternate },
    openGraph: input.article
      ? {
          ...shared,
          type: 'article',
          publishedTime: input.article.publishedTime,
          modifiedTime: input.article.modifiedTime,
          authors: input.article.authors,
          section: input.article.section,
          tags: input.article.tags,
        }
      : { ...shared, type: 'website' },
    // Stated, not left to Next: without them it copies the og: tags into twitter:* itself, image size and type included.
    twitter: { card: 'summary_large_image', title: input.title, description: input.description, images: [{ url: image.url, alt: image.alt }] },
    ...(input.other ? { other: input.other } : {}),
  }
}
