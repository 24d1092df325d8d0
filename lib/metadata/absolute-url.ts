import { site } from '@/lib/site'

/** A site path ("/ask/x") as an absolute URL under SITE_URL; feeds, sitemaps and JSON-LD must not be relative. */
export function absoluteUrl(path: string, base: string = site.url): string {
  if (!path.startsWith('/')) throw new Error(`absoluteUrl needs a site path starting with "/", got ${JSON.stringify(path)}`)
  return path === '/' ? `${base}/` : `${base}${path}`
}

/** Where each kind of page lives, so builders of links and of metadata agree. */
export const paths = {
  home: '/',
  answer: (slug: string) => `/ask/${slug}`,
  answerImage: (slug: string) => `/ask/${slug}/og.png`,
  category: (slug: string) => `/category/${slug}`,
  tags: '/tags',
  tag: (slug: string) => `/tags/${slug}`,
  glossary: '/glossary',
  search: '/search',
  term: (slug: string) => `/glossary/${slug}`,
  defaultImage: '/og.png',
  feed: '/feed.xml',
  sitemap: '/sitemap.xml',
} as const
