import type { MetadataRoute } from 'next'
import { absoluteUrl, paths } from '@/lib/metadata/absolute-url'

export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: '*', allow: '/', disallow: '/api/' }, sitemap: absoluteUrl(paths.sitemap) }
}
