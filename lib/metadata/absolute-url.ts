import { site } from '@/lib/site'

/** A site path ("/ask/x") as an absolute URL under SITE_URL; feeds, sitemaps and JSON-LD must not be relative. */
export function absoluteUrl(path: string, base: string = site.url): string {
  if (!path.startsWith('/')) throw new Error(`absoluteUrl needs a site path starting with "/", got ${JSON.stringify(path)}`)
  return path === '/' ? `${base}/` : `${base}${path}`
}

export { paths } from './site-paths'
